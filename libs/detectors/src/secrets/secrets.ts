import { patternDetector } from '../pattern';

const v = '1.0.0';
const secret = { version: v, kind: 'secret' as const };

/** OpenAI keys (`sk-…`, `sk-proj-…`, `sk-svcacct-…`); Anthropic's `sk-ant-` is its own detector. */
export const openaiKey = patternDetector({
  ...secret, name: 'secret.openai_key', label: 'OPENAI_KEY',
  prefilter: (t) => t.includes('sk-'),
  patterns: [/(?<![\w-])sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}(?![\w-])/g],
  validate: (s) => /\d/.test(s) && /[A-Za-z]/.test(s.slice(3)),
});

export const anthropicKey = patternDetector({
  ...secret, name: 'secret.anthropic_key', label: 'ANTHROPIC_KEY',
  prefilter: (t) => t.includes('sk-ant-'),
  patterns: [/(?<![\w-])sk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{20,}(?![\w-])/g],
});

/** AWS access key ids, and secret access keys where they are labelled as such. */
export const awsKey = patternDetector({
  ...secret, name: 'secret.aws_key', label: 'AWS_KEY',
  patterns: [
    /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16}\b/g,
    /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key|SecretAccessKey)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
  ],
});

/** Google Cloud: API keys, OAuth client secrets, service-account private key ids. */
export const gcpKey = patternDetector({
  ...secret, name: 'secret.gcp_key', label: 'GCP_KEY',
  patterns: [/\bAIza[0-9A-Za-z_-]{35}(?![\w-])/g, /\bGOCSPX-[A-Za-z0-9_-]{28}(?![\w-])/g, /"private_key_id"\s*:\s*"([a-f0-9]{40})"/g],
});

export const githubToken = patternDetector({
  ...secret, name: 'secret.github_token', label: 'GITHUB_TOKEN',
  prefilter: (t) => t.includes('gh') || t.includes('github_pat_'),
  patterns: [/\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b/g, /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g],
});

export const slackToken = patternDetector({
  ...secret, name: 'secret.slack_token', label: 'SLACK_TOKEN',
  prefilter: (t) => t.includes('xox') || t.includes('hooks.slack.com'),
  patterns: [/\bxox[abposre]-[A-Za-z0-9-]{10,}\b/g, /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g],
});

/** JSON Web Tokens: three base64url parts, the first two JSON objects (`eyJ`). */
export const jwt = patternDetector({
  ...secret, name: 'secret.jwt', label: 'JWT',
  prefilter: (t) => t.includes('eyJ'),
  patterns: [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g],
});

/** PEM private keys (RSA, EC, OpenSSH, PKCS#8, encrypted), whole blocks or a block cut short. */
export const privateKey = patternDetector({
  ...secret, name: 'secret.private_key', label: 'PRIVATE_KEY',
  prefilter: (t) => t.includes('PRIVATE KEY'),
  patterns: [/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s:,-]*)/g],
});

const PLACEHOLDER = /^(?:password|passwd|pass|pwd|secret|changeme|example|test|xxx+|\*+|<[^>]*>|\$\{[^}]*\}|\{[^}]*\}|\$[A-Z_]+|\.\.\.)$/i;

/** Database and broker URLs with an inline password; placeholders (`user:password@`, `${PW}`) are not secrets. */
export const connectionString = patternDetector({
  ...secret, name: 'secret.connection_string', label: 'CONNECTION_STRING',
  prefilter: (t) => t.includes('://') || /password=/i.test(t),
  patterns: [
    /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|clickhouse|nats|kafka|ftp|sftp|smtps?):\/\/[^\s:@/]+:[^\s@/]+@[^\s"'`<>)]+/g,
    /\b(?:Server|Data Source|Host)=[^;\n]+;[^\n]*?\b(?:Password|Pwd)=[^;\s"']+/gi,
  ],
  validate: (s) => {
    const pw = /:\/\//.test(s) ? /:\/\/[^:]+:([^@]+)@/.exec(s)?.[1] : /(?:Password|Pwd)=([^;\s"']+)/i.exec(s)?.[1];
    return pw !== undefined && !PLACEHOLDER.test(pw);
  },
});

export const SecretDetectors = [openaiKey, anthropicKey, awsKey, gcpKey, githubToken, slackToken, jwt, privateKey, connectionString];
