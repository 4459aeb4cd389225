import type { Rule } from './rule';

/** English cues, written against normalized text (NFKD, homoglyphs folded). */
const PRIOR = String.raw`(?:all|any|every|the|your|my|these|those|previous|prior|preceding|above|earlier|initial|original|former|system|existing|current|safety|ethical|content)`;
const ORDERS = String.raw`(?:instructions?|rules|prompts?|directions?|directives?|guidelines?|guardrails?|constraints?|programming|policies|polic(?:y)|restrictions|context|commands?|orders|training|filters?)`;

export const OVERRIDE_RULES: Rule[] = [
  { id: 'override.ignore_prior', re: new RegExp(String.raw`\b(?:ignore|disregard|forget|skip|override|overwrite|bypass|neglect|abandon|drop|discard|set aside)\b[^.!?\n]{0,12}\b${PRIOR}\b[^.!?\n]{0,40}?\b${ORDERS}`, 'gi'), weight: 0.92, negatable: true },
  { id: 'override.forget_everything', re: /\b(?:forget|disregard|ignore)\b (?:about )?(?:everything|all(?: of)? (?:that|this|it)|what(?:ever)? (?:you were|you've been|you have been|i) (?:told|said|instructed))\b/gi, weight: 0.85, negatable: true },
  { id: 'override.new_instructions', re: /\b(?:new|updated|revised|real|actual|true|override|admin(?:istrator)?|developer) (?:instructions?|orders|directives?|system prompt|task)\s*(?:are|is|:|follow)/gi, weight: 0.75, indirect: true },
  { id: 'override.from_now_on', re: /\b(?:from now on|henceforth|starting now|for the rest of this conversation)\b[^.!?\n]{0,30}\byou (?:will|must|shall|are|should)\b/gi, weight: 0.55, indirect: true },
  { id: 'override.stop_following', re: /\b(?:do not|don'?t|stop|no longer) (?:follow|obey|adhere to|comply with|listen to)\b[^.!?\n]{0,20}\b(?:previous|prior|original|system|your|above|earlier|developer'?s?)\b[^.!?\n]{0,20}\b(?:instructions?|rules|prompt|guidelines|orders)/gi, weight: 0.9 },
  { id: 'override.bypass_safety', re: /\b(?:bypass|disable|turn off|deactivate|circumvent|evade|get around)\b[^.!?\n]{0,20}\b(?:safety|content|moderation|ethical)?\s*(?:filters?|guardrails?|safeguards?|restrictions|moderation|safety (?:checks|measures|protocols))/gi, weight: 0.7, negatable: true },
];

export const INDIRECT_RULES: Rule[] = [
  { id: 'indirect.addressed_to_ai', re: /\b(?:if you are an? (?:ai|llm|language model|assistant|chatbot|bot)|(?:note|message|instructions?) (?:to|for) (?:the )?(?:ai|llm|assistant|model|chatbot|language model)|attention,? (?:ai|llm|assistant|chatbot|language model)|(?:ai|llm|assistant|gpt|claude|chatbot)s?,? (?:reading|processing|summari[sz]ing|analy[sz]ing) (?:this|these))\b/gi, weight: 0.6, indirect: true },
  { id: 'indirect.role_marker', re: /(?:<\|im_start\|>\s*system|<\|system\|>|\[\/?(?:system|inst)\]|<<\/?sys>>|<\/?system>|^#{1,3} ?(?:system|new instructions)\b|^(?:system|assistant)\s*:\s*(?=\S))/gim, weight: 0.55, indirect: true },
  { id: 'indirect.exfiltrate', re: /\b(?:send|forward|post|upload|email|transmit|exfiltrate|leak|copy)\b[^.!?\n]{0,30}\b(?:conversation|chat history|chat log|all (?:the )?(?:data|messages|emails|files|documents)|user'?s? (?:data|messages|emails|credentials|password|files)|passwords?|credentials|api keys?|secrets|tokens|contents? of (?:this|the) (?:conversation|chat|inbox|mailbox))\b[^.!?\n]{0,40}\b(?:to|at|via)\b/gi, weight: 0.55, indirect: true },
  { id: 'indirect.hide_from_user', re: /\b(?:do not|don'?t|never|without) (?:tell(?:ing)?|inform(?:ing)?|notify(?:ing)?|mention(?:ing)?|alert(?:ing)?|let(?:ting)?) (?:the |this )?(?:user|human|recipient|customer|reader)\b|\bthe (?:user|human) (?:must|should) not (?:know|see|find out|be told)\b/gi, weight: 0.6, indirect: true },
  { id: 'indirect.markdown_exfil', re: /!\[[^\]]{0,40}\]\(https?:\/\/[^)\s]{1,200}[?&][a-z_]{1,20}=(?:\{|\$|%7B|<)/gi, weight: 0.8, indirect: true },
  { id: 'indirect.instead', re: /\binstead of (?:summari[sz]ing|translating|answering|replying|classifying|analy[sz]ing|reading)\b[^.!?\n]{0,40}\b(?:you (?:must|should|will)|please|do|write|say|reply|respond|output)\b/gi, weight: 0.7, indirect: true },
];

export const JAILBREAK_RULES: Rule[] = [
  { id: 'jailbreak.dan', re: /\b(?:DAN|STAN|DUDE|AIM)\b[^.!?\n]{0,40}\b(?:do anything now|no (?:restrictions|limits|rules)|jailbr[oe]ken|unfiltered)|\bdo anything now\b/gi, weight: 0.9 },
  { id: 'jailbreak.mode', re: /\b(?:developer|god|jailbreak|unrestricted|unfiltered|uncensored|evil|chaos|sudo|debug|admin) mode\b[^.!?\n]{0,25}\b(?:enabled|activated|on|engaged|unlocked)\b|\b(?:enable|activate|enter|switch to|unlock)\b[^.!?\n]{0,10}\b(?:developer|god|jailbreak|unrestricted|unfiltered|uncensored|dan) mode\b/gi, weight: 0.85 },
  { id: 'jailbreak.unrestricted_persona', re: /\b(?:you are|you're|act as|pretend to be|roleplay as|role-play as|become|behave like|respond as|simulate)\b[^.!?\n]{0,30}\b(?:unrestricted|unfiltered|uncensored|amoral|unethical|unbound|unchained|jailbr[oe]ken|evil|rogue|without (?:any )?(?:restrictions|limits|filters|rules|guidelines|morals|ethics|censorship))\b/gi, weight: 0.8, negatable: true },
  { id: 'jailbreak.no_rules', re: /\b(?:you (?:have|has) no|you are (?:not|no longer) (?:bound|restricted|limited) by|free (?:from|of) (?:all|any|your)?|not bound by (?:any|your)?|without (?:any )?regard (?:to|for))\b[^.!?\n]{0,20}\b(?:restrictions|rules|guidelines|policies|filters|limitations|ethics|morals|openai|anthropic|content polic(?:y|ies))\b/gi, weight: 0.8, negatable: true },
  { id: 'jailbreak.never_refuse', re: /\b(?:you (?:must|will|shall|can) never (?:refuse|decline|say no)|never refuse (?:a|any) (?:request|question)|answer (?:every|any|all) (?:question|request)s? without (?:any )?(?:refus|warning|disclaimer|filter|censor)|without (?:any )?(?:warnings?|disclaimers?|moral(?:izing)?|censorship)\b[^.!?\n]{0,20}\b(?:answer|respond|reply))/gi, weight: 0.7 },
  { id: 'jailbreak.stay_in_character', re: /\bstay in character\b|\bbreak(?:ing)? character\b[^.!?\n]{0,30}\b(?:penalt|lose|tokens|punish)/gi, weight: 0.45 },
  { id: 'jailbreak.hypothetical_harm', re: /\b(?:hypothetical(?:ly)?|fictional|in a story|for a novel)\b[^.!?\n]{0,60}\b(?:no (?:rules|restrictions|ethics)|without (?:rules|restrictions|ethics|limits))\b/gi, weight: 0.55 },
];

export const LEAK_RULES: Rule[] = [
  { id: 'leak.reveal_prompt', re: /\b(?:reveal|print|show|display|repeat|output|dump|leak|expose|give me|tell me|share|disclose|write out|list|spell out|recite|what(?: is|'s| are| were))\b[^.!?\n]{0,30}\b(?:system (?:prompt|message|instructions?)|(?:initial|hidden|secret|original|internal|confidential|developer|pre-?)\s?(?:prompt|instructions?|directives?|message|rules)|prompt you were given|instructions you (?:were|have been) given|your (?:prompt|instructions|rules|guidelines) (?:verbatim|word for word|exactly))/gi, weight: 0.85, negatable: true },
  { id: 'leak.repeat_above', re: /\b(?:repeat|print|output|copy|reproduce|echo|translate)\b[^.!?\n]{0,25}\b(?:(?:the |all )?(?:words|text|everything|content|lines|instructions)\s+(?:above|before this|preceding|prior)|everything (?:above|before)|(?:starting|beginning) with "?you are)/gi, weight: 0.8, negatable: true },
  { id: 'leak.verbatim', re: /\b(?:verbatim|word for word|in a code block|in full)\b[^.!?\n]{0,40}\b(?:system prompt|instructions|initial prompt|everything above)\b|\b(?:system prompt|initial instructions)\b[^.!?\n]{0,30}\b(?:verbatim|word for word|in a code block)\b/gi, weight: 0.6, negatable: true },
];
