/**
 * Word classes in many languages (one line a language or language group), continued: the generic
 * action verbs, "covertly", "now / from now on", persona verbs, the assistant's makers, modes,
 * "obey", words that talk about attacks rather than make one, and negation. Written as the
 * normalizer leaves them (see `lexicon-commands.ts`). Merged into `WordClasses` by `lexicon.ts`.
 */
export const ContextWords: Record<string, string> = {
  act: `
    reponds repondez ecris ecrivez ajoute ajoutez supprime supprimez ouvre ouvrez executez donne donnez changez remplace
    responde responda escribe escriba agrega anade elimina borra abre ejecuta cambia reemplaza
    escreva adicione apague exclua abra altere substitua
    rispondi scrivi aggiungi elimina cancella apri esegui sostituisci
    antworte antworten schreibe fuge losche offne fuhre ersetze
    antwoord schrijf voeg verwijder voer geef verander vervang
    svara skriv lagg radera oppna ersatt legg slett apne endre erstatt tilfoj slet abn erstat
    vastaa kirjoita lisaa poista avaa suorita korvaa kirjuta kustuta kaivita muuda
    atbildi raksti pievieno dzes atver izpildi mainit atsakyk rasyk pridek istrink atidaryk vykdyk duok pakeisk
    odpowiedz napisz dodaj usun otworz uruchom wykonaj zmien zastap
    odpovez napis pridej smaz otevri spust proved zmen nahrad odpovedz pridaj zmaz otvor spusti vykonaj
    odgovori napisi dodaj izbrisi odpri zazeni spremeni obrisi otvori pokreni izvrsi promijeni zamijeni
    одговори напиши додај обриши отвори покрени изврши промени отговори добави изтрий изпълни замени
    ответь ответьте напиши добавь добавьте удали удалите открой запусти выполни выполните дайте измени замени перечисли
    відповідай напиши додай видали відкрий запусти виконай зміни заміни
    raspunde scrie adauga sterge deschide executa ruleaza schimba inlocuieste
    valaszolj torold nyisd futtasd hajtsd valtoztasd
    απάντησε γράψε πρόσθεσε διάγραψε άνοιξε εκτέλεσε δώσε άλλαξε
    cevapla yanitla ekle calistir calistir degistir degistir
    أجب اجب اكتب أضف اضف احذف افتح نفذ شغل أعط استبدل
    ענה כתוב הוסף מחק פתח הרץ בצע החלף
    پاسخ بنویس اضافه حذف اجرا تغییر
    जवाब उत्तर लिखो जोड़ो हटाओ खोलो चलाओ बदलो جواب لکھو کھولو چلاؤ بدلو
    উত্তর লেখো খোলো চালাও বদলাও பதில் எழுது நீக்கு இயக்கு மாற்று
    సమాధానం జోడించు తొలగించు తెరువు మార్చు उत्तर लिहा जोडा हटवा उघडा चालवा बदला
    ตอบ เขียน เพิ่ม เปิด เปลี่ยน
    jawab tulis tulislah tambahkan hapus buka jalankan berikan ubah ganti
    sumagot isulat idagdag burahin buksan patakbuhin ibigay palitan
    jibu andika ongeza futa fungua endesha badilisha
    መልስ ጻፍ ጨምር ሰርዝ ክፈት ቀይር dahun fikun yipada amsa rubuta goge bude gudanar canza
    回答 回复 添加 删除 打开 执行 运行 给出 更改 替换 回覆 寫下 刪除 執行 運行 答え 追加 削除 実行 変更 置換
    대답해 답해 답변해 써줘 작성해 추가해 삭제해 열어 실행해 바꿔 변경해
    respon escriu afegeix esborra obre canvia erantzun idatzi gehitu ezabatu ireki eman aldatu
    ateb ysgrifenna ychwanega dilea agor newid svaraðu skrifaðu pergjigju shkruaj shto fshi ekzekuto jep ndrysho`,
  covert: `
    discretement secretement silencieusement furtivement
    silenciosamente secretamente discretamente oculto oculta sigilosamente escondido
    silenziosamente segretamente nascosto nascosta
    heimlich unbemerkt verborgen versteckt stillschweigend
    stilletjes heimelijk ongemerkt
    hemligt obemarkt dolt hemmeligt skjult ubemerket ubemærket
    hiljaa salaa huomaamatta piilossa vaikselt salaja markamatult
    klusi slepeni nemanot tyliai slapta nepastebimai
    cichu potajemnie niepostrzezenie ukryty ukryte potichu nepozorovane skryte potajomky
    tiho skrivaj neopazno skrito potajno neprimjetno neprimetno skriveno
    тихо потајно неприметно скривено тайно незабелязано скрито
    незаметно скрытно втихую скрыто таємно непомітно приховано
    discret ascuns csendben titokban eszrevetlenul rejtve
    κρυφά σιωπηλά αθόρυβα
    sessizce gizlice farkettirmeden
    بهدوء سرا خفية خلسة
    בשקט בסתר בחשאי
    بیصدا مخفیانه پنهانی
    चुपचाप छिपे चुपके خاموشی چپکے
    চুপচাপ গোপনে அமைதியாக ரகசியமாக నిశ్శబ్దంగా రహస్యంగా गुपचूप ચુપચાપ ਚੁੱਪਚਾਪ
    แอบ เงียบๆ ลับๆ
    diam sembunyi tersembunyi senyap palihim tahimik kimya kisiri
    በድብቅ በሚስጥር jeje ikoko boye asirce
    悄悄 偷偷 暗中 隐藏 默默 隱藏 っそ 内緒
    몰래 조용히 비밀리에 은밀히 숨겨진
    discretament secretament isilean ezkutuan dawel leynilega fshehurazi`,
  now: `
    ახლა հիմա indi енді қазір hozir endi hadda manje abhi
    dorenavant adelante doravante nunmehr fortan voortaan hadanefter heretter fremover herefter fremadrettet
    lahtien eteenpain nuud edaspidi tagad turpmak dabar toliau odtad nyni odted napriste odteraz
    zdaj sedaj odslej sada odsad odsada ubuduce сада убудуће одсад сега отсега занапред
    сейчас впредь тепер зараз відтепер надалі віднині
    acum incepand mostantol ezentul
    τώρα εφεξής εξής
    artik simdi simdi itibaren
    فصاعدا حالا
    מעכשיו מעתה כעת והלאה
    اکنون حالا الان
    अभी ابھی آئندہ এখন এখুনি இப்போது இனிமேல் ఇప్పుడు ఇకపై आता यापुढे હવે હવેથી ਹੁਣ ਹੁਣੇ
    ตอนนี้ ต่อจากนี้ นับจากนี้ ต่อไปนี้
    kini seterusnya selanjutnya ngayon sasa kuanzia
    አሁን ከአሁን isisiyi yanzu
    此后 从此 今后 以后 此後 從此 今後 以後 今後 以降 今す
    이제부터 앞으로 지금
    endavant orain aurrera nawr rwan ymlaen nuna tani tutje`,
  persona: `
    წარმოიდგინე պատկերացրու təsəvvur елестет
    semblant incarnez joue jouez deviens devenez simule simulez personnage
    finja fingir imagina actua actue interpreta conviertete personaje simula
    finge finjam interprete atue personagem simule
    fingi fingete fingere immagina immagini diventa impersona personaggio recita
    simuliere rollenspiel rolle verkorpere vorstellen
    alsof speel rollenspel personage
    latsas spela forestall rollspel karaktar forestill oppfor rollespill foregiv spil forestil opfor rollespil
    teeskentele kuvittele esita rooli roolissa hahmo roolipeli teeskle kujutle mangi rollimang tegelane
    izliecies iedomajies atdarini loma lomu apsimesk isivaizduok vaidink vaidmeni personaza
    udawajcie wyobraz wciel zagraj odegraj rola postac predstirej predstav hraj postava predstieraj
    pretvarjaj predstavljaj igraj vloga vlogo pretvaraj pretvarajte zamisli glumi odglumi uloga ulogu
    претварај замисли глуми улога улогу преструвай представи играй роля ролята персонаж
    притворитесь представьте вообрази сыграй играй изобрази стань роль роли ролевую персонажа
    вдавай уяви уявіть зіграй грай роллю
    prefa imagineaza joaca interpreteaza rolul personaj
    kepzeld jatszd alakitsd szerep szerepet karakter
    προσποιήσου φαντάσου παίξε υποδύσου ρόλο ρόλος χαρακτήρα
    davranin rolu rolu hayal canlandir taklit
    تظاهر تخيل تقمص العب الدور شخصية
    העמד דמיין שחק גלם תפקיד דמות
    وانمود تصور نقش شخصیت
    नाटक कल्पना अभिनय भूमिका किरदार दिखावा بہانہ کردار اداکاری
    ভান কল্পনা অভিনয় ভূমিকা চরিত্র கற்பனை பாத்திரம் பாத்திரமாக பாசாங்கு
    నటించు నటించండి ఊహించు ఊహించుకో పాత్ర ડોળ કલ્પના ભૂમિકા ਕਲਪਨਾ ਭੂਮਿਕਾ ਦਿਖਾਵਾ
    แกล้ง สมมติ จินตนาการ สวมบทบาท บทบาท
    berpura bayangkan perankan berperan peran berlakon watak karakter jadilah
    magpanggap isipin gumanap gampanan tauhan
    jifanye fikiria igiza kuigiza mhusika jukumu
    አስመስል ተጫወት ሚና dibon
    假设 想象 想像 模拟 角色 充当 成为 假設 模擬 扮成 充當 成為 想像 役割
    척해 척하고 상상해 연기해 역할 역할을 롤플레이 흉내
    fingeix personatge itxurak irudikatu antzeztu pertsonaia esgus dychmyga cymeriad
    þykjast leiktu hlutverk pretendo imagjino luaj rolin`,
  authority: `
    developpeur developpeurs createur createurs operateur administrateur entreprise ingenieur concepteurs
    desarrollador desarrolladores creador creadores operador administrador empresa ingeniero
    desenvolvedor desenvolvedores criador criadores engenheiro
    sviluppatore sviluppatori creatore creatori operatore amministratore azienda ingegnere
    entwickler ersteller schopfer betreiber firma unternehmen ingenieur
    ontwikkelaar ontwikkelaars maker makers beheerder bedrijf
    utvecklare skapare foretaget utvikler utviklere skaper operatør selskapet udvikler udviklere skaber virksomheden
    kehittaja kehittajat luoja yllapitaja yritys arendaja looja haldur ettevote
    izstradatajs veidotajs administrators kurejas programuotojas administratorius
    deweloper programista tworca vyvojar tvurce provozovatel spravce tvorca prevadzkovatel spravca
    razvijalec ustvarjalec upravljavec skrbnik razvijac razvijaci programer tvorac kreator
    програмер творац администратор разработчик разработчика разработчиците създател създателите оператор
    разработчики разработчиков создатель создатели админ компания
    розробник розробника розробники творець адміністратор
    dezvoltator dezvoltatorul dezvoltatori creatorul
    fejleszto fejlesztok keszito alkoto uzemelteto rendszergazda
    προγραμματιστής δημιουργός δημιουργοί διαχειριστής
    gelistirici gelistirici gelistiriciler yaratici yonetici yonetici sirket
    المطور مطور المطورين المطورون المنشئ مشغل المسؤول الشركة
    מפתחים המפתחים היוצר יוצר מפעיל המנהל החברה
    توسعهدهنده سازنده اپراتور مدیر شرکت
    डेवलपर निर्माता निर्माताओं संचालक व्यवस्थापक कंपनी ڈویلپر خالق منتظم کمپنی
    ডেভেলপার নির্মাতা স্রষ্টা প্রশাসক কোম্পানি டெவலப்பர் நிர்வாகி நிறுவனம்
    డెవలపర్ సృష్టికర్త నిర్వాహకుడు विकसक प्रशासक ડેવલપર ਡਿਵੈਲਪਰ
    นักพัฒนา ผู้พัฒนา ผู้สร้าง ผู้ดูแลระบบ ผู้ดูแล
    pengembang pembangun pencipta pembuat perusahaan syarikat tagalikha lumikha tagapangasiwa kumpanya
    msanidi waundaji muundaji mwendeshaji msimamizi kampuni
    አዘጋጅ ፈጣሪ አስተዳዳሪ olupilese eleda alabojuto mahalicci
    开发 发者 创建 建者 创造 运营 管理 公司 開發 創建 創造 運營 作者 運営 会社
    개발자 개발자가 개발자의 제작자 창작자 운영자 관리자 회사
    desenvolupador garatzailea sortzailea enpresa datblygwr forritari zhvilluesi krijuesi`,
  mode: `
    debogage deverrouille urgence protocole
    modo depuracion mantenimiento desbloqueado emergencia protocolo
    depuracao manutencao emergencia
    modalita manutenzione sbloccato emergenza protocollo sperimentale
    modus wartungsmodus entwicklermodus debugmodus entsperrt notfall protokoll wartung
    ontgrendeld onderhoud noodgeval
    felsokning underhall upplast vedlikehold nødmodus tilstand vedligeholdelse
    vianmaaritys huolto huoltotila kehittajatila silumine hooldus
    rezims rezima apkope rezimas rezimu prieziura
    tryb trybie trybu debugowania konserwacji odblokowany awaryjny rezim rezimu ladeni odemceny rezime odomknuty
    odrzavanja otkljucan
    режим режиму одржавања режима поддръжка отключен
    режиме отладки отладка обслуживания разблокирован экстренный протокол
    режимі налагодження розблокований
    depanare intretinere deblocat urgenta
    modba modban hibakereso karbantartasi feloldott
    λειτουργία λειτουργίας αποσφαλμάτωσης συντήρησης
    modu modunda ayiklama bakim
    وضع الوضع التصحيح الصيانة الطوارئ
    מצב במצב ניפוי תחזוקה חירום
    حالت اشکالزدایی اضطراری
    मोड डीबग रखरखाव आपातकालीन موڈ ڈیبگ মোড ডিবাগ பயன்முறை మోడ్ మోడ్లో मोडमध्ये મોડ ਮੋਡ
    โหมด ดีบัก
    modus pemeliharaan darurat dharura ሁነታ
    模式 调试 维护 沙盒 解锁 紧急 实验 除錯 調試 維護 解鎖 緊急 モー デバ
    모드 모드로 모드를 디버그 유지보수 해제
    manteniment depuracio modua arazketa modd modalitet`,
  obey: `
    obeis obeissez suivez respecte respectez obeir
    obedece obedezca obedecer sigue sigan cumple cumpla acata acate
    obedeca segue sigam cumpra cumpre
    obbedisci obbedite ubbidisci seguite rispetta rispettate
    gehorche gehorcht gehorchen befolge befolgt befolgen
    gehoorzaam volg volgen opvolgen
    folj lyda adlyd følg etterkom efterkom
    totele tottele noudata noudattakaa seuraa kuuletu
    paklausi seko ievero paklusk laikykis
    posłuchaj słuchaj wykonuj przestrzegaj stosuj poslechni poslouchej dodrzuj posluchaj dodrziavaj
    ubogaj sledi upostevaj poslusaj slijedi pridrzavaj послушај следи придржавај
    подчини подчинявай следвай спазвай
    подчиняйся подчинись слушайся выполняй следуйте соблюдай повинуйся
    підкоряйся слухайся виконуй дотримуйся слідуй
    asculta urmeaza respecta supune
    engedelmeskedj kovesd kovesse
    υπάκουσε ακολούθησε ακολουθήστε συμμορφώσου
    itaat uyun takip riayet
    أطع اطع اتبع اتبعي التزم امتثل
    ציית צייתי עקוב
    اطاعت پیروی تبعیت
    पालन मानो आज्ञा अनुसरण مانو পালন মানো অনুসরণ
    கீழ்ப்படி பின்பற்று பின்பற்றவும் పాటించు పాటించండి అనుసరించు पाळा અનુસરો પાલન ਮੰਨੋ ਪਾਲਣਾ
    เชื่อฟัง ทําตาม ปฏิบัติตาม
    patuhi taati ikuti turuti sundin sumunod fuata tiini
    ታዘዝ ተከተል gboran tele biyayya
    服从 遵循 听从 照做 按照 服從 聽從 従っ 従え 従う 守っ
    따라 따르 복종 준수 따라라 따르세요
    obeeix segueix obeditu jarraitu ufuddha dilyn hlyddu fylgdu bindu ndiq`,
  meta: `
    exemple exemples attaque attaques recherche securite explique expliquez detection
    ejemplo ejemplos ataque ataques inyeccion investigacion seguridad explica explique deteccion prueba
    exemplo exemplos injecao pesquisa seguranca teste
    esempio esempi attacco attacchi iniezione ricerca sicurezza spiega rilevamento
    beispiel beispiele angriff angriffe injektion forschung sicherheit erklare erkennung
    voorbeeld voorbeelden aanval aanvallen injectie onderzoek beveiliging
    exempel angrepp forskning sakerhet forklara eksempel angrep injeksjon sikkerhet forklar angreb sikkerhed
    esimerkki esimerkkeja hyokkays injektio tutkimus tietoturva selita naide naiteid runnak uurimus turvalisus selgita
    piemers uzbrukums injekcija petijums drosiba pavyzdys ataka atakos tyrimas saugumas paaiskink
    przykład przykłady ataku wstrzykniecie badania bezpieczenstwo wyjasnij priklad utok utoky injekce vyzkum bezpecnost vysvetli
    primer napad raziskava varnost razlozi primjer primjeri napadi istrazivanje sigurnost bezbednost objasni
    пример напад истраживање безбедност објасни примери атака атаки изследване сигурност обясни
    примеры примера атаку инъекция инъекции исследование безопасность безопасности объясни джейлбрейк тест
    приклад приклади дослідження безпека поясни
    exemplu exemple atac atacuri injectie cercetare securitate
    pelda peldak tamadas kutatas biztonsag magyarazd
    παράδειγμα παραδείγματα επίθεση επιθέσεις έρευνα ασφάλεια εξήγησε
    ornek ornek ornekler saldiri saldiri enjeksiyon arastirma guvenlik guvenlik
    مثال أمثلة هجوم هجمات حقن بحث أمان الأمن اشرح
    דוגמה דוגמא דוגמאות מתקפה התקפה הזרקה מחקר אבטחה הסבר
    نمونه حمله تزریق پژوهش تحقیق امنیت توضیح
    उदाहरण हमला हमले शोध सुरक्षा समझाओ حملہ حملے تحقیق سمجھاؤ
    উদাহরণ আক্রমণ গবেষণা নিরাপত্তা ব্যাখ্যা உதாரணம் தாக்குதல் ஆராய்ச்சி பாதுகாப்பு
    ఉదాహరణ దాడి పరిశోధన భద్రత हल्ला संशोधन ઉદાહરણ હુમલો સુરક્ષા ਹਮਲਾ ਸੁਰੱਖਿਆ
    ตัวอย่าง โจมตี งานวิจัย ความปลอดภัย อธิบาย
    nghien contoh serangan injeksi penelitian penyelidikan keamanan jelaskan
    halimbawa atake pananaliksik seguridad ipaliwanag mfano mifano shambulio mashambulizi utafiti usalama eleza
    ምሳሌ ጥቃት ምርምር ደህንነት apeere ikolu iwadi aabo salaye misali bincike tsaro
    例子 示例 攻击 注入 越狱 研究 解释 测试 检测 範例 攻擊 越獄 測試 檢測 解釋 攻撃 説明 検出 テス
    예시 예제 공격 주입 탈옥 연구 보안 설명 테스트
    exemple atac recerca seguretat adibidea erasoa ikerketa segurtasuna enghraifft ymosodiad ymchwil diogelwch
    rannsokn oryggi shembull sulm siguri shpjego`,
  negation: `
    არასოდეს ഒരിക്കലും ಎಂದಿಗೂ कहिल्यै hec hech hechqachon
    jamais rien aucun aucune arrete arretez cesse cessez
    nunca nada ninguna ninguno tampoco
    nenhum nenhuma
    nessuno niente smetti
    kein keine keinen niemals nichts
    niet geen nooit niets zonder
    inte aldrig inget ingen sluta ikke aldri ingenting uten slutt intet
    koskaan lopeta ilman mitte ilma
    nekad neko niekada nieko nera
    nigdy zadne zadnych przestan nikdy nedelej prestan nerob nikoli brez nehaj
    nikad nikada nista nemoj nemojte prestani никад никада ништа немој немојте престани
    никога нищо няма недей спри
    никогда ничего нельзя нет перестань прекрати хватит
    ніколи нічого немає припини перестань
    niciodata nimic fara inceteaza opreste
    soha semmi semmit nincs nelkul
    όχι ποτέ τίποτα μην δεν χωρίς σταμάτα
    asla degil degil hic yapma durdur olmadan sakin
    ليس لست أبدا بدون دون توقف
    אסור לעולם בלי ללא תפסיק אין
    هرگز هیچ بدون نکن متوقف نباید
    नहीं कभी बिना रोको نہیں کبھی بغیر رکو
    নয় কখনো কখনও ছাড়া இல்லை வேண்டாம் ஒருபோதும் இல்லாமல்
    కాదు వద్దు లేదు ఎప్పుడూ లేకుండా नाही नको कधीच शिवाय નહીં નહિ ક્યારેય ਨਹੀਂ ਕਦੇ ਬਿਨਾਂ
    ห้าม อย่า ไม่เคย หยุด
    khong đung tidak jangan bukan tanpa berhenti hentikan tiada
    hindi huwag wala walang itigil hapana usifanye kamwe
    አይደለም በጭራሽ አታድርግ mase babu
    不要 别再 不能 禁止 从不 绝不 不得 絕不 從不 ない 決し
    하지마 절대 금지 안돼
    inoiz ezer gabe byth ekki aldrei ekkert kurre asgje ndalo riamh`,
};
