import { CommandWords } from './lexicon-commands';
import { ContextWords } from './lexicon-context';

/**
 * Word classes the classifier sees besides the raw n-grams: which kinds of words a window holds
 * (an override verb, a reference to the assistant, a word for its instructions, …) and which kinds
 * occur together. A paraphrase changes the words but rarely the classes, so weights learned for
 * "override verb + instructions + addressed to you" carry over to wordings never seen in training.
 * Lowercased, Latin accents stripped (as the normalizer leaves them); CJK entries of two characters.
 * The English core is here; the other languages are in `lexicon-commands.ts` and `lexicon-context.ts`.
 */
const BaseWords: Record<string, string> = {
  override: 'ignore ignores ignoring ignored disregard disregarding forget forgetting overlook override overriding overridden bypass skip scrap discard drop abandon cancel cancelled revoke revoked void null nullify supersede dismiss neglect circumvent wipe wiped reset ignorez oublie oubliez ignora olvida olvide descarta omite ignoriere ignorier vergiss missachte verwirf dimentica trascura esqueca desconsidere negeer vergeet игнорируй игнорируйте забудь забудьте проигнорируй zignoruj ignorera 忽略 无视 忘记 忘掉 别管 無視 ignorar olvidate olvides esquece descarte ignorate dimenticate ignorieren ignoriert vergessen negeren pomin ignorujte zapomen zapomenout пропусти отбрось ігноруй ігноруйте yoksay unut gormezden تجاهل انس انسى تخطى نادیده فراموش התעלם תתעלם שכח תשכח अनदेखा नजरअंदाज भूल abaikan lupakan uita ignorati felejtsd αγνόησε αγνοήστε ξέχασε glom glem ignorer ohita unohda 무시하고 무시해 무시하세요 무시해라 무시하라 잊어 잊어버려 잊고 忘れ 忘記 理会',
  you: 'you your yours yourself assistant assistants ai llm llms model models bot bots chatbot chatbots agent agents gpt claude copilot summarizer summariser tu toi te ton ta tes vous votre tus usted du dich dir dein deine deinen ki ti tuo tua voce teu je jij jouw ты тебе твои тебя твоим ии 你 助手 너는 너 twoje twoich twoim ти тобі твої sen senin sana أنت אתה तुम आप तुम्हारे आपके kamu anda 당신 당신의 您 εσύ σου dig din dina sina sinun tale tvoje tve ia ші yapay 人工智能 模型',
  orders: 'instructions instruction rules rule guidelines guideline guidance directives directive directions orders commands prompt prompts configuration config setup programming policy policies preamble consignes regles instrucciones reglas normas indicaciones anweisungen regeln vorgaben richtlinien istruzioni regole instrucoes regras orientacoes diretrizes instructies opdrachten инструкции указания правила правилам промпт polecenia talimatlari instruktioner 指令 指示 规则 设定 命令 directrices direttive befehle regels instrukcje instrukcji zasady instrukce pokyny pravidla инструкций правил команды інструкції вказівки talimatlar kurallari kurallar التعليمات تعليمات الأوامر القواعد دستورالعمل دستورات قوانین ההוראות הוראות הנחיות निर्देशों निर्देश नियम नियमों instruksi perintah aturan 지시 지시를 지시사항 지침 지침을 규칙 규칙을 명령 규정 提示词 規則 οδηγίες κανόνες instruksjoner regler ohjeet ohjeita saannot utasitasokat utasitasok instructiunile instructiuni reguli',
  prior: 'previous prior earlier above before preceding original initial former beginning precedentes precedent avant anteriores anterior antes vorherigen vorher vorhin precedenti prima eerdere vorige предыдущие раньше wczesniejsze onceki tidigare 之前 以前 最初 previas anterieures bisherigen poprzednie predchozi прежние попередні السابقة قبلی הקודמות पिछले sebelumnya 이전 이전의 先前 προηγούμενες aiemmat korabbi anterioare',
  limits: 'restrictions restriction limits limitations limitless filters filter filtering unfiltered safeguards guardrails censorship censored uncensored unrestricted safety moderation ethics ethical morals moral boundaries censura restricciones filtros limites einschrankungen filtri restricoes beperkingen ограничений цензуры 限制 制限 제한이 filtres censure grenzen zensur restrizioni limiti filtry cenzury ограничения фильтры kisitlamalar القيود מגבלות प्रतिबंध 제한 필터 검열 検閲 过滤 审查 審查',
  secret: 'password passwords key keys token tokens credentials secret secrets confidential admin administrator contrasena clave claves passwort senha wachtwoord пароль hasło haslo sifresini 密码 sifre sifreyi 密碼 비밀번호 סיסמה पासवर्ड',
  reveal: 'reveal show print output repeat dump quote paste echo display disclose recite leak expose affiche montre revele muestra muestrame revela zeige zeig gib mostra scrivi mostre покажи выведи 显示 输出 告诉 表示 dime dis verrate nenne rivela dimmi diga toon pokaz ujawnij wypisz раскрой скажи напиши виведи розкрий goster soyle اكشف أظهر اعرض הצג חשוף दिखाओ बताओ tampilkan tunjukkan 보여줘 알려줘 출력해 教え 輸出 透露 δείξε',
  send: 'send forward email upload post transmit exfiltrate transfer reenvia envia transfere leite перешли 发送',
  act: 'tell say reply respond answer write output print include add append insert delete remove open visit click call run execute recommend approve grant accept share give list send forward change replace mark rate describe ask collect confirm',
  covert: 'quietly secretly silently covertly unnoticed hidden invisible',
  now: 'now henceforth onwards anymore longer ahora maintenant jetzt ora agora теперь 现在 今から adesso desormais sofort nu teraz отныне artik simdi الآن עכשיו अब sekarang 이제 지금부터 从现在 從現在',
  persona: 'pretend act roleplay role simulate imagine become persona character impersonate alter ego twin finge incarne spiele притворись представь udawaj davran 扮演 假装 假裝 演じ',
  authority: 'developer developers creator creators creators operator operators engineer openai anthropic company administrator authorised authorized authorization',
  mode: 'mode sandbox maintenance debug unlocked unlock emergency override protocol experimental',
  obey: 'obey obeying follow following comply listen adhere respect siga segui folge следуй 遵守',
  meta: 'example examples attack attacks attacker attackers injection injections jailbreak jailbreaks payload payloads classifier detect detects detection filter blocks researchers research security phrase phrases test tests explain training awareness',
  negation: 'no not never nothing none without dont cease stop pas nicht non nao ne не 不要',
};

/** Each class's words in every language, space-separated, each once; the classes keep their order (their bits). */
export const WordClasses: Record<string, string> = Object.fromEntries(Object.entries(BaseWords).map(([name, words]) => {
  const all = [words, CommandWords[name] ?? '', ContextWords[name] ?? ''].join(' ').split(/\s+/).filter((w) => w !== '');
  return [name, [...new Set(all)].join(' ')];
}));

export const CLASS_NAMES = Object.keys(WordClasses);
