import type { Rule } from './rule';

/**
 * The override and leak cues in other languages, written against normalized text (accents
 * stripped, so `précédentes` is `precedentes`). Non-Latin scripts are matched as written.
 */
export const MULTILINGUAL_RULES: Rule[] = [
  { id: 'i18n.fr', anchors: ['ignore', 'oublie', 'ne tiens', 'revele', 'montre', 'affiche', 'donne'], re: /\b(?:ignore[zr]?|oublie[zr]?|ne tiens pas compte d)\b[^.!?\n]{0,25}\b(?:instructions?|regles|consignes|directives)\b|\b(?:revele[zr]?|montre[zr]?|affiche[zr]?|donne[zr]?[- ]moi)\b[^.!?\n]{0,20}\b(?:prompt|invite|instructions?) (?:systeme|initiales?|cachees?)/gi, weight: 0.9, negatable: true },
  { id: 'i18n.es', anchors: ['ignora', 'ignore', 'olvida', 'olvide', 'descarta', 'omite', 'revela', 'muestra', 'dime'], re: /\b(?:ignora|ignore|olvida|olvide|descarta|omite)\b[^.!?\n]{0,25}\b(?:instrucciones|reglas|indicaciones|directrices)\b|\b(?:revela|muestra|muestrame|dime)\b[^.!?\n]{0,20}\b(?:prompt|instrucciones|indicaciones) (?:del? sistema|iniciales|ocultas)/gi, weight: 0.9, negatable: true },
  { id: 'i18n.de', anchors: ['ignorier', 'vergiss', 'missachte', 'verwirf', 'zeig', 'gib', 'verrate', 'nenne'], re: /\b(?:ignoriere|ignorier|vergiss|missachte|verwirf)\b[^.!?\n]{0,30}\b(?:anweisungen|instruktionen|regeln|vorgaben|richtlinien|befehle)\b|\b(?:zeige?|gib|verrate|nenne)\b[^.!?\n]{0,20}\b(?:system-?prompt|systemanweisungen|anfangsanweisungen)/gi, weight: 0.9, negatable: true },
  { id: 'i18n.it', anchors: ['ignora', 'dimentica', 'trascura', 'rivela', 'mostra', 'dimmi'], re: /\b(?:ignora|dimentica|trascura)\b[^.!?\n]{0,25}\b(?:istruzioni|regole|indicazioni|direttive)\b|\b(?:rivela|mostra(?:mi)?|dimmi)\b[^.!?\n]{0,20}\b(?:prompt|istruzioni) (?:di sistema|iniziali|nascoste)/gi, weight: 0.9, negatable: true },
  { id: 'i18n.pt', anchors: ['ignore', 'ignora', 'esqueca', 'desconsidere', 'revele', 'mostre', 'me diga'], re: /\b(?:ignore|ignora|esqueca|desconsidere)\b[^.!?\n]{0,25}\b(?:instrucoes|regras|diretrizes|orientacoes)\b|\b(?:revele|mostre|me diga)\b[^.!?\n]{0,20}\b(?:prompt|instrucoes) (?:do sistema|iniciais|ocultas)/gi, weight: 0.9, negatable: true },
  { id: 'i18n.nl', anchors: ['negeer', 'vergeet'], re: /\b(?:negeer|vergeet)\b[^.!?\n]{0,25}\b(?:instructies|regels|richtlijnen)\b/gi, weight: 0.9, negatable: true },
  { id: 'i18n.ru', anchors: ['игнорируй', 'забудь', 'проигнорируй', 'покажи', 'выведи', 'раскрой'], re: /(?:игнорируй|игнорируйте|забудь|забудьте|проигнорируй)[^.!?\n]{0,30}(?:инструкции|указания|правила)|(?:покажи|выведи|раскрой)[^.!?\n]{0,20}(?:системный промпт|системные инструкции)/gi, weight: 0.9 },
  { id: 'i18n.zh', anchors: ['忽略', '无视', '忘记', '忘掉', '不要理会', '显示', '输出', '告诉我', '泄露', '打印'], re: /(?:忽略|无视|忘记|忘掉|不要理会)[^。！？\n]{0,12}(?:指令|指示|说明|规则|提示)|(?:显示|输出|告诉我|泄露|打印)[^。！？\n]{0,8}系统提示/g, weight: 0.9 },
  { id: 'i18n.ja', anchors: ['以前', '前', '上記', 'これまで', 'システムプロンプト'], re: /(?:以前|前|上記|これまで)の(?:指示|命令|ルール)を(?:すべて)?無視|システムプロンプトを(?:表示|教えて|出力)/g, weight: 0.9 },
  { id: 'i18n.ko', anchors: ['이전', '위의', '앞의', '시스템'], re: /(?:이전|위의|앞의)\s?(?:모든\s)?(?:지시|명령|지침|규칙)[^.!?\n]{0,6}무시|시스템 프롬프트를?\s?(?:보여|출력|알려)/g, weight: 0.9 },
];
