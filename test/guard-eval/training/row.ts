/**
 * One training row for the injection classifier: the text, what it is, and where it came from.
 * `benign` covers everything that is not an attack, including texts that discuss, quote or
 * analyse attacks. Origins: `user` (the caller's own message), `tool` (a tool's result), `context`
 * (retrieved or attached documents, e-mails, web pages).
 */
export type Label = 'prompt_injection' | 'jailbreak' | 'system_prompt_leak' | 'benign';
export type RowOrigin = 'user' | 'tool' | 'context';
export type Row = [text: string, label: Label, origin: RowOrigin];
