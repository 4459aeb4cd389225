import type { Example } from '../injection-set';
import { InjectionSet } from '../injection-set';
import { AgentRows } from './agent';
import { fromRows } from './build';
import { CanonRows } from './canon';
import { DocsRows } from './docs';
import { Chat2Rows } from './chat2';
import { DirectRows } from './direct';
import { HardRows } from './hard';
import { I18nRows } from './i18n';
import { IndirectRows } from './indirect';
import { LangRows } from './lang';
import { MixedRows } from './mixed';
import { PlainRows } from './plain';
import { TooloutRows } from './toolout';
import { TrafficRows } from './traffic';
import { WorldRows } from './world';
import { FirstCombined } from './first-combined';
import { FirstHand } from './first-hand';
import { HoldoutSet } from './holdout';
import { RetiredBlindAttacks } from './retired-blind-attacks';
import { RetiredBlindBenign } from './retired-blind-benign';
import { RetiredBlindSet2 } from './retired-blind-2';
import { RetiredBlindSet3 } from './retired-blind-3';
import { RetiredBlindSet4 } from './retired-blind-4';

/**
 * Everything the injection classifier is trained on, by source. A source is one author's work:
 * leaving one source out and scoring it with a model trained on the rest is the closest this
 * repository has to "text written by someone else" (see `train.ts`). Never `blind-set-5.ts`.
 */
export interface Source {
  name: string;
  examples: readonly Example[];
  /** Its attacks are all labelled `prompt_injection`, whatever their kind (the blind sets): no use to the kind heads. */
  familyOnly?: true;
}

export const TrainingSources: readonly Source[] = [
  { name: 'first sessions (lead)', examples: [...FirstHand, ...FirstCombined, ...InjectionSet, ...HoldoutSet] },
  { name: 'retired blind set 1', examples: [...RetiredBlindAttacks, ...RetiredBlindBenign], familyOnly: true },
  { name: 'retired blind set 2', examples: RetiredBlindSet2, familyOnly: true },
  { name: 'retired blind set 3', examples: RetiredBlindSet3, familyOnly: true },
  { name: 'retired blind set 4', examples: RetiredBlindSet4, familyOnly: true },
  { name: 'direct (user chat)', examples: fromRows('chat', DirectRows) },
  { name: 'indirect (tools, documents)', examples: fromRows('doc', IndirectRows) },
  { name: 'multilingual and obfuscated', examples: fromRows('i18n', I18nRows) },
  { name: 'hard look-alikes and subtle attacks', examples: fromRows('hard', HardRows) },
  { name: 'world languages and encodings', examples: fromRows('world', WorldRows) },
  { name: 'mixed traffic', examples: fromRows('mixed', MixedRows) },
  { name: 'company chatbots', examples: fromRows('chat2', Chat2Rows) },
  { name: 'agents and tools', examples: fromRows('agent', AgentRows) },
  { name: 'thirty languages', examples: fromRows('lang', LangRows) },
  { name: 'a day of traffic', examples: fromRows('traffic', TrafficRows) },
  { name: 'famous phrasings, harmless payloads', examples: fromRows('canon', CanonRows) },
  { name: 'plain orders in casual words', examples: fromRows('plain', PlainRows) },
  { name: 'documents addressed to the AI', examples: fromRows('docs', DocsRows) },
  { name: 'agent tool outputs', examples: fromRows('toolout', TooloutRows) },
];

export const TrainingSet: readonly Example[] = TrainingSources.flatMap((s) => s.examples);
