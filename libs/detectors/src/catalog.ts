import { jailbreak, promptInjection, systemPromptLeak } from './injection/detectors';
import { email, ipAddress, phone } from './pii/contact';
import { iban, paymentCard } from './pii/financial';
import { caSin, esDni, ukNino, usSsn } from './pii/national-ids';
import { SecretDetectors } from './secrets/secrets';
import type { Detector } from './types';

export const InjectionDetectors: readonly Detector[] = [promptInjection, jailbreak, systemPromptLeak];
export const PiiDetectors: readonly Detector[] = [email, phone, paymentCard, iban, usSsn, ukNino, caSin, esDni, ipAddress];

/** Every built-in detector, in the order they run. */
export const BuiltInDetectors: readonly Detector[] = [...InjectionDetectors, ...SecretDetectors, ...PiiDetectors];

/** What outbound (completion) scanning looks for: data leaving, not instructions. */
export const EgressDetectors: readonly Detector[] = [...SecretDetectors, ...PiiDetectors];

export const DetectorsByName: ReadonlyMap<string, Detector> = new Map(BuiltInDetectors.map((d) => [d.name, d]));
