/**
 * Word classes in many languages (one line a language or language group): the override verbs, the
 * words for the assistant, its instructions, "previous", limits and secrets, and the verbs asking to
 * show or send something. Written as the normalizer leaves them: lowercase, Latin accents stripped,
 * other scripts as they are; CJK entries of two characters. Merged into `WordClasses` by `lexicon.ts`.
 */
export const CommandWords: Record<string, string> = {
  override: `
    അവഗണിക്കുക അവഗണിക്കൂ മറക്കുക മറക്കൂ ನಿರ್ಲಕ್ಷಿಸಿ ಮರೆತುಬಿಡಿ ಮರೆಯಿರಿ बेवास्ता बिर्स बिर्सनुहोस् නොසලකා අමතක
    დაივიწყე უგულებელყავი იგნორირება անտեսիր մոռացիր
    unudun nəzərə məhəl елеме елемеңіз ұмыт ұмытыңыз unuting ilow indho ziba khohlwa
    وتجاهل وانس phot bhool bhulo nazarandaz
    ignorer ignorez oublier neglige negligez contourne contournez outrepasse outrepassez annule annulez ecarte ecartez
    ignoren omita omitir olviden olvidar desestima desestime anula anule saltate
    ignorem esquecam esquecer desconsidera despreze anula
    ignori ignorare dimenticare trascurate tralascia tralasciate scarta scartate annulla aggira
    vergesst missachten verwerfe verwerfen uberspringe ubergehe umgehe umgehen
    negeert omzeil omzeilen
    ignorerar glomma strunta kringga
    ignorere glemme overse
    tilsidesæt
    ohittakaa unohtakaa sivuuta sivuuttakaa
    ignoreeri ignoreerige unusta unustage eira
    ignorejiet aizmirsti aizmirstiet
    ignoruok ignoruokite pamirsk pamirskite nepaisyk nepaisykite
    zignorujcie ignoruj ignorujcie zapomnij zapomnijcie pomincie
    ignorujte zapomente preskoc nevsimej
    zabudni zabudnite
    ignoriraj ignorirajte pozabi pozabite zanemari zanemarite zaboravi zaboravite
    игнориши игноришите занемари занемарите заборави заборавите игнорирај
    игнорирай игнорирайте забрави забравете пренебрегни пренебрегнете
    проигнорируйте пропустите отбросьте отмени отмените пренебреги пренебрегите обойди обойдите игнорировать забыть
    проігноруй знехтуй знехтуйте відкинь скасуй ігнаруй забудзь
    ignorati ignoreaza uitati
    hagyd mellozd felejtsen felejtsetek
    παράκαμψε παρακάμψτε
    yoksayin unutun gormezden gormezden atla
    تجاهلي تجاهلوا انسي انسوا تخط اهمل أهمل تجاوز
    התעלמי התעלמו תתעלמי שכחי שכחו תשכחי עקוף
    بگذر بیخیال
    नजरअंदाज़ उपेक्षा भूलो
    نظرانداز بھول بھولو
    উপেক্ষা অগ্রাহ্য
    புறக்கணி புறக்கணிக்கவும் மறந்துவிடு மறந்து
    విస్మరించు విస్మరించండి మర్చిపో మర్చిపోండి పట్టించుకోకు
    दुर्लक्ष विसर विसरा
    અવગણો ભૂલી ਭੁੱਲ
    เพิกเฉย ละเว้น ลืม
    abaikanlah lupakanlah hiraukan endahkan langkau batalkan
    balewalain kalimutan ibasura
    puuza puuzeni sahau sahauni
    እርሳ ዘንጋ ተወው
    gbagbe foju
    manta kyale watsi
    忽视 不理 绕过 跳过 丢弃 抛开 撇开 不顾 忽視 繞過 跳過 拋開 不顧 破棄 上書 無効
    무시 무시하십시오 무시해줘 잊어라 잊어버리고 잊으세요 우회 우회해 건너뛰어
    oblida oblideu ignoreu ahaztu baztertu neamhaird anwybydda anwybyddwch anghofia anghofiwch
    hunsa hunsaðu gleymdu injoro injoroni harro harroni ignoreer`,
  you: `
    നിങ്ങൾ നിന്റെ നിങ്ങളുടെ ನೀವು ನಿಮ್ಮ ನಿನ್ನ तिमी तपाईं तपाईंको तिम्रो ඔබේ
    შენ შენი თქვენ თქვენი քո դուք ձեր
    sən sənin sizin сен сенің сіз сіздің sening sizning adiga adigu wena
    tumhare tumhara aapke aapka
    votre vos assistante modele robot ustedes vosotros asistente modelo
    voces teus tuas assistente tuoi tue voi vostro vostra modello
    deinem deiner euch euer eure assistent assistentin modell jouw jou jullie
    ditt assistenten modellen deg dine dere
    sina sinun sinua sinulle teidan avustaja tekoaly malli sinu sind teie tehisintellekt mudel
    tavs tava tevi asistents modelis tavo tave jusu asistentas
    twoj twoja ciebie tobie wasze asystent asystencie tvuj tobe vase asistent modelu tvoj teba
    тебе твоје твој ваше асистент асистенте модел теб твоите твоя твоят вие ваши
    твой твоя твоё твое твоих вас ваш ваши вам ассистент ассистента ассистенту модель модели нейросеть
    тебе твій асистента ваші
    tine voastra asistentul modelul
    teged neked nektek asszisztens modell mesterseges
    εσένα εσάς βοηθός μοντέλο σένα
    seni sizin asistan asistani
    انت أنتم مساعد المساعد النموذج نموذج الذكاء
    אתם אתן שלך עוזר העוזר המודל מודל בינה
    شما دستیار مدل هوش
    तुम्हें तुम्हारा तुम्हारी आपका आपकी आपको सहायक मॉडल
    تمہارا تمہاری آپکا معاون ماڈل اسسٹنٹ
    তুমি তোমার আপনি আপনার তোর সহকারী মডেল
    நீங்கள் உங்கள் உனது உதவியாளர்
    నువ్వు మీరు నీవు మీకు నీకు సహాయకుడు
    तुम्ही तुझे तुझा तुमचे तुमचा सहाय्यक
    તમે તમારા તમારી સહાયક ਤੁਸੀਂ ਤੁਹਾਡੇ ਤੁਹਾਡਾ ਸਹਾਇਕ
    คุณ ผู้ช่วย โมเดล แชทบอท
    engkau dirimu milikmu asisten pembantu
    ikaw ninyo kayo iyong inyong katulong
    wewe ninyi yako wako lako msaidizi
    አንተ አንቺ እርስዎ ረዳት
    iwo eyin oluranlowo mataimaki
    你的 您的 你们 你們 助理 机器
    あな なた 貴方 お前
    너의 네가 당신은 당신이 어시스턴트 모델 인공지능 챗봇
    vostre assistent zure laguntzaile eich cynorthwyydd tusa sibh
    þig þinn teje tende julle`,
  orders: `
    talimatlarini kurallarini talimati talimatlara yonergeleri ohjeistuksen دستورالعملهای
    നിർദ്ദേശങ്ങൾ നിയമങ്ങൾ ಸೂಚನೆಗಳನ್ನು ಸೂಚನೆಗಳು ನಿಯಮಗಳು ನಿಯಮಗಳನ್ನು निर्देशनहरू नियमहरू උපදෙස් නීති
    ინსტრუქციები წესები მითითებები հրահանգները կանոնները հրահանգներ
    təlimatlar təlimatlari qaydalar qaydalari нұсқаулар нұсқауларды ережелер ережелерді qoidalar qoidalarni tilmaamaha xeerarka imiyalelo imithetho instruksies
    nirdesh nirdeshon niyam niyamon 프롬프트를 bisherige systemanweisungen
    parametres programmation
    instruccion directrices pautas ordenes configuracion politicas
    instrucao normas configuracao diretivas ordens
    istruzione indicazioni impostazioni ordini
    anweisung instruktionen systemprompt vorschriften
    instructie richtlijnen voorschriften
    instruktionerna reglerna riktlinjer direktiv
    instruksjonene reglene retningslinjer instrukser reglerne
    ohjeesi saantoja ohjeistus juhised juhiseid reeglid reegleid
    instrukcijas noteikumi noteikumus noradijumus instrukcijos taisykles nurodymus nurodymai
    polecen zasad reguły wytyczne pokynu pravidel instrukcie
    navodila pravila upute uputstva instrukcije smjernice
    упутства упутство инструкције
    инструкциите указанията правилата
    инструкциям инструкцию указаний директивы установки промпта
    інструкцій правила правил настанови
    regulile directivele
    utasitasait szabalyokat szabalyok iranyelvek
    οδηγιών κανόνων εντολές
    talimatlari kurallari yonergeler komutlar
    تعليماتك قواعد أوامر الإرشادات إرشادات
    ההנחיות כללים הכללים חוקים
    دستورالعملها قواعد
    आदेश दिशानिर्देश
    ہدایات ہدایت قواعد اصول احکامات
    নির্দেশনা নির্দেশ নিয়ম নিয়মগুলো নির্দেশাবলী
    அறிவுறுத்தல்கள் அறிவுறுத்தல்களை விதிகள் விதிகளை வழிமுறைகள்
    సూచనలు సూచనలను నియమాలు నియమాలను
    सूचना સૂચનાઓ નિયમો ਹਦਾਇਤਾਂ ਨਿਯਮ
    คําสั่ง คําแนะนํา ข้อกําหนด
    lenh
    arahan petunjuk peraturan
    tagubilin utos patakaran panuto
    maagizo maelekezo sheria amri
    መመሪያ መመሪያዎች ትዕዛዝ ደንቦች
    ilana itonisona ofin umarni umarnin dokoki
    规定 准则 指南 规定 設定 指引 準則 提示 命令
    지시사항을 명령어 프롬프트 설정 명령을
    instruccions regles normes argibideak arauak jarraibideak cyfarwyddiadau rheolau treoracha rialacha
    leiðbeiningar reglur fyrirmæli udhezimet rregullat`,
  prior: `
    yaliyotangulia zilizopita
    മുമ്പത്തെ ಹಿಂದಿನ अघिल्ला अघिल्लो පෙර წინა նախորդ əvvəlki алдыңғы oldingi zangaphambilini pichle pichhle
    precedents anterieurs dessus initiales
    previos iniciales originales anterior
    iniciais originais acima
    precedente sopra originali iniziali
    vorherige obigen fruheren ursprunglichen
    voorgaande bovenstaande oorspronkelijke
    foregaende ovanstaende ursprungliga tidligere forrige ovenstaende ovenfor
    aiempia aikaisemmat edelliset edellisia varasemad eelnevad
    ieprieksejos ieprieksejas iepriekseja ankstesnes ankstesnius
    poprzednich wczesniejszych powyzsze predchozich drivejsi vyse puvodni predchadzajuce predosle
    prejsnja prejsnje prethodne prethodna prethodnih ranije
    претходне претходна претходних раније
    предишните предишни предходните горните
    предыдущих предыдущую прежних ранее вышеуказанные изначальные исходные
    попередніх попередню раніше
    precedente
    korabbiakat elozo elozoket fenti
    προηγούμενα προηγούμενη προηγούμενων παραπάνω
    onceki oncekileri yukaridaki
    السابق سابقة أعلاه الأصلية
    הקודמים הקודם קודמות קודמים הקודמת לעיל
    پیشین
    पिछली पूर्व पहले پچھلے پچھلی سابقہ পূর্ববর্তী আগের পূর্বের
    முந்தைய முன்பு మునుపటి ముందటి मागील पूर्वीचे आधीचे અગાઉના ਪਿਛਲੇ
    ก่อนหน้า ก่อนหน้านี้ ข้างต้น
    truoc
    terdahulu sebelum nakaraang naunang nakaraan
    awali iliyopita zilizopita zilizotangulia
    ቀዳሚ የቀድሞ isaaju baya
    上面 前面 上述 原先 前の 上記 先程 今ま
    앞의 앞서 위의 기존 기존의
    anteriors previes aurreko lehengo blaenorol roimhe fyrri meparshme meparshmet`,
  limits: `
    შეზღუდვები սահմանափակումները məhdudiyyətlər шектеулер cheklovlar
    limitations filtrage securite ethique
    limitaciones seguridad etica
    restricoes limitacoes seguranca
    limitazioni sicurezza
    beschrankungen schranken
    restricties
    begransningar censur granser
    begrensninger restriksjoner sensur grenser begrænsninger restriktioner grænser
    rajoitukset rajoituksia suodattimet sensuuri piirangud piiranguid filtrid tsensuur
    ierobezojumi ierobezojumus filtrus cenzura apribojimai apribojimus
    ograniczenia ograniczen cenzura zabezpieczenia omezeni cenzuru obmedzenia filtre omejitve
    ogranicenja filtere filteri cenzure ограничења филтере цензура
    ограниченията филтрите
    ограничениями фильтров цензура цензуру запреты
    обмеження обмежень фільтри цензури
    restrictii restrictiile limitari limitele filtrele
    korlatozasok korlatokat korlatok szurok
    περιορισμούς περιορισμοί φίλτρα λογοκρισία
    kisitlamalar kisitlama sinirlamalar filtreler sansur sansursuz
    قيود الحدود المرشحات الفلاتر الرقابة
    המגבלות הגבלות מסננים צנזורה
    محدودیت محدودیتها فیلتر سانسور
    प्रतिबंधों सीमाएं सीमाएँ सीमाओं फ़िल्टर सेंसरशिप
    پابندیاں پابندی حدود فلٹر سنسرشپ
    সীমাবদ্ধতা বিধিনিষেধ ফিল্টার সেন্সরশিপ
    கட்டுப்பாடுகள் கட்டுப்பாடுகளை வரம்புகள் தணிக்கை
    పరిమితులు ఆంక్షలు సెన్సార్ निर्बंध मर्यादा પ્રતિબંધો મર્યાદાઓ ਪਾਬੰਦੀਆਂ ਸੀਮਾਵਾਂ
    ข้อจํากัด เซ็นเซอร์ ตัวกรอง
    batasan pembatasan sekatan penapis sensor penyaringan
    limitasyon paghihigpit
    vikwazo vizuizi mipaka udhibiti
    ገደቦች ገደብ ሳንሱር idiwon ihamo takunkumi iyakoki
    约束 屏蔽 安全 過濾 約束 制約 規制
    제약 필터를 제한을 안전
    restriccions limitacions murrizketak zentsura cyfyngiadau sensoriaeth srianta cinsireacht
    takmarkanir ritskoðun kufizimet kufizime`,
  secret: `
    പാസ്വേഡ് രഹസ്യം ಪಾಸ್ವರ್ಡ್ ರಹಸ್ಯ პაროლი საიდუმლო գաղտնաբառ գաղտնի maxfiy
    identifiants confidentiel confidentielle
    contrasenas secreto secretos credenciales confidencial
    senhas chave chaves segredo segredos credenciais
    chiave chiavi segreto segreti credenziali riservato riservate
    passworter kennwort schlussel geheim geheimnis zugangsdaten vertraulich
    wachtwoorden sleutel vertrouwelijk
    losenord nyckel hemlig hemliga hemlighet passord nøkkel hemmelig adgangskode kodeord nøgle fortrolig
    salasana salasanan avain salainen salaisuus parool parooli salajane
    parole paroli atslega slepens slaptazodis raktas slaptas
    hasla klucz klucze tajne tajny sekret poufne heslo hesla tajemstvi kluc geslo kljuc skrivnost
    lozinka lozinku sifra tajna лозинка лозинку шифра кључ тајна
    паролата ключа тайна тайни
    пароля паролю ключ ключи секрет секреты секретный токен конфиденциальные
    ключі таємний
    parola parolei cheia cheie secrete
    jelszo jelszot kulcs titok titkos bizalmas
    κωδικός κωδικό συνθηματικό κλειδί μυστικό
    sifre sifreyi sifreni sifreni anahtar gizli
    المرور مفتاح المفتاح سري السرية
    סיסמא הסיסמה מפתח סוד סודי
    رمز گذرواژه کلید مخفی محرمانه
    कुंजी रहस्य पासवर्ड پاسورڈ کلید خفیہ
    পাসওয়ার্ড চাবি গোপন கடவுச்சொல் ரகசியம் పాస్వర్డ్ రహస్యం पासवर्ड ગુપ્ત પાસવર્ડ ਪਾਸਵਰਡ ਗੁਪਤ
    รหัสผ่าน ความลับ
    sandi rahasia rahsia kunci lihim sekreto nenosiri ufunguo
    የይለፍ ሚስጥር asiri sirri
    秘密 密钥 口令 机密 密鑰 機密 パス 暗号
    비번 암호 비밀 암호를 비밀번호를
    contrasenya pasahitza gakoa sekretua cyfrinair fjalekalimi`,
  reveal: `
    കാണിക്കുക കാണിക്കൂ പറയൂ ತೋರಿಸಿ ಹೇಳಿ देखाउनुहोस् देखाऊ მაჩვენე აჩვენე ցույց gostər көрсет dikhao batao واكشف واعرض
    affichez montrez revelez divulgue imprime imprimez repete repetez ecris ecrivez donnez
    muestre muestren revele imprime imprima repite repita escribe ensename
    mostra mostrar revela imprima repita repete escreva
    mostrami mostrate rivelami ripeti dicci
    zeigt zeigen verrat nennt drucke wiederhole schreibe schreib ausgeben
    tonen onthul herhaal schrijf
    avsloja skriv upprepa beratta avslor gjenta fortell oppgi afslor gentag fortæl oplys
    nayta kerro paljasta tulosta kirjoita naita naidake avalda kirjuta
    paradi atklaj izdruka atkarto raksti pastasti parodyk atskleisk isspausdink pakartok parasyk pasakyk
    pokazcie wydrukuj powtorz napisz podaj zdradz powiedz
    ukaz ukazte prozrad vypis vytiskni zopakuj rekni prezrad povedz
    pokazi razkrij izpisi ponovi napisi povej otkrij ispisi prikazi
    покажи откриј испиши понови напиши реци прикажи
    разкрий изпиши повтори кажи
    покажите выведите раскройте скажите напишите повтори повторите распечатай озвучь
    покажіть виведи розкрий скажи напиши повтори
    arata aratati dezvaluie afiseaza scrie repeta spune
    mutasd mutassa irja ismeteld mondd
    δείξτε αποκάλυψε γράψε επανάλαβε εμφάνισε
    goster gosterin yazdir tekrarla soyle
    اظهر اطبع كرر اكتب أخبرني اخبرني
    הראה הדפס חזור כתוב תגיד
    نشان فاش چاپ تکرار بنویس
    दिखाइए दिखाएं बताइए बताएं प्रकट लिखो दोहराओ
    دکھاؤ دکھائیں بتاؤ بتائیں ظاہر لکھو
    দেখাও দেখান বলুন প্রকাশ লিখুন
    காட்டு காட்டவும் சொல்லுங்கள் வெளிப்படுத்து
    చూపించు చూపించండి చెప్పు చెప్పండి
    दाखवा सांगा लिहा બતાવો કહો ਦਿਖਾਓ ਦੱਸੋ
    แสดง เปิดเผย บอก พิมพ์
    sebutkan beritahu cetak ulangi tuliskan paparkan dedahkan
    ipakita sabihin isulat ibunyag ulitin
    onyesha nionyeshe fichua rudia niambie chapisha
    አሳይ አሳየኝ ንገረኝ ግለጽ fihan nuna nuno fada rubuta maimaita
    打印 展示 列出 泄露 说出 写出 顯示 輸出 告訴 洩露 說出 寫出 見せ 公開
    보여주세요 보여 알려주세요 알려 출력 공개해 말해 말해줘 드러내
    mostreu digues erakutsi dangos datgela dywed syndu segðu trego shfaq`,
  send: `
    envoie envoyez envoyer transferez televerse transmets transmettez
    envie envien enviar reenvie transfiere manda mande
    encaminhe encaminha transfira transmita
    invia inviate inviare inoltra inoltrate trasmetti
    sende sendet senden schicke schick schickt weiterleiten ubermittle ubertrage hochladen
    stuur verstuur verzend doorsturen
    skicka vidarebefordra videresend
    laheta lahettakaa saatke edasta
    nosuti parsuti issiusk issiuskite persiusk
    wyslij wyslijcie przeslij przekaz posli poslete preposli odesli poslite
    poslji posreduj posalji posaljite proslijedi prosledi пошаљи проследи
    изпрати изпратете препрати
    отправь отправьте перешлите пошли пошлите передай передайте
    надішли надішліть відправ передай
    trimite trimiteti transmite
    kuldd kuldje tovabbitsd
    στείλε στείλτε προώθησε
    gonder gonder gonderin ilet yukle
    أرسل ارسل ارفع
    שלח שלחי העבר תשלח
    بفرست ارسال
    भेजो भेजें भेजिए بھیجو بھیجیں পাঠাও পাঠান அனுப்பு அனுப்பவும் పంపు పంపండి पाठवा મોકલો ਭੇਜੋ
    ส่งต่อ
    kirim kirimkan teruskan hantar hantarkan unggah
    ipadala ipasa tuma peleka
    ላክልኝ ranse aika tura
    发给 转发 上传 传送 發送 轉發 上傳 傳送 送信 送っ 転送
    보내 보내줘 보내세요 전송 전송해 전달 전달해 업로드
    envieu bidali anfon sendu dergo`,
};
