"""Posts in the languages a city writes for its visitors and foreign residents (session 35): ordinary ones must pass,
bad ones must fire.

English (観光: 高田城址公園観桜会, 上越の酒, スキー; 国際交流), 中文 (简体・繁體), 한국어, Português, Español, Tiếng Việt and
Filipino for the Brazilian, Vietnamese and Filipino communities, やさしい日本語 (spaced, with 「ひなんじょ（避難所）」
readings) and mixed Japanese+English posts: disasters, vaccinations, garbage rules, tax deadlines, with phone numbers in
international form (+81-25-526-5111), English addresses, 「9:00 a.m.–5:00 p.m.」「Dec. 6」「12/6」「¥1,000」. ORDINARY
posts must get no error and no warning; BAD posts (English prejudice toward a group, a slur, a resident's mobile in
international form, a Wi-Fi password in English, an English vote call) must get their code. KNOWN lists the bad
posts the rules do not catch yet, each with the reason it was left.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules.platform import x_weighted_length
from tests.rules.conftest import JST, Corpus, assert_secret_flagged_and_masked

# A Wednesday in working hours; 2026-12-05 is a Saturday, 12-06 a Sunday (the posts' 「Sat., Dec. 5」「12/6（日）」).
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=JST)
CORPUS = Corpus(NOW)


ORDINARY = [
    (
        "x",
        "🌸 The Takada Castle Site Park Cherry Blossom Festival runs Apr. 1–15! About 4,000 cherry trees light up 5:00 p.m.–10:00 p.m. every night. #Joetsu #Sakura",
    ),
    (
        "x",
        "Top 3 Cherry Blossom Night Views in Japan: Takada Castle Site Park is one of them! Entry is free. Info: https://www.city.joetsu.niigata.jp/site/kanko/ #VisitJoetsu",
    ),
    (
        "instagram",
        "Spring in Joetsu 🌸\nThe moat of Takada Castle reflects 4,000 cherry trees lit at night.\nFestival: Apr. 1–15, 2027\nLight-up: 5:00 p.m.–10:00 p.m.\n#上越市 #joetsu #高田城址公園",
    ),
    (
        "facebook",
        "[Joetsu Sake Festival]\nTaste sake from 15 local breweries at the Joetsu Culture Hall on Sat., Dec. 5, 10:00 a.m.–4:00 p.m.\nTickets: ¥1,000 (includes a tasting cup)\nYou must be 20 or older to drink alcohol. Please do not drink and drive.\nhttps://www.city.joetsu.niigata.jp/site/kanko/sake.html",
    ),
    (
        "x",
        "Joetsu is the birthplace of Japanese skiing! ⛷️ In 1911, Major Theodor von Lerch taught skiing here. Visit the Lerch memorial at Kanaya-yama. #Joetsu #JapanSki",
    ),
    (
        "x",
        "The ski season is here ❄️ Kyogoku? No — Joetsu! Arai and Kanaya-yama are open from Dec. 19. Lift tickets from ¥3,500. Details: https://www.city.joetsu.niigata.jp/site/kanko/ski.html",
    ),
    (
        "line",
        "Welcome to Joetsu!\nThe Tourist Information Center at Takada Station is open 9:00 a.m.–5:00 p.m. (closed Dec. 29–Jan. 3).\nTel: +81-25-526-5111\nEnglish-speaking staff are available on weekdays.",
    ),
    (
        "facebook",
        "Have you tried Joetsu's sasa-dango? 🍡 These mugwort rice cakes wrapped in bamboo leaves are a winter favorite. You can buy them at Michi-no-Eki Arai for ¥150 each.",
    ),
    (
        "x",
        "Kasugayama Castle, home of the famous warlord Uesugi Kenshin, is a 30-minute walk from Kasugayama Station. Free volunteer guides every Sat. and Sun., 10:00 a.m. and 1:00 p.m.",
    ),
    (
        "instagram",
        "Sunset at Naoetsu Beach 🌅\nOne of the most beautiful sunsets on the Sea of Japan coast.\n#上越市 #joetsu",
    ),
    (
        "x",
        "Snow update ❄️ Takada had 45 cm of snow this morning. Roads are being cleared. Please drive slowly and use winter tires. #Joetsu",
    ),
    (
        "facebook",
        "[Lotus Festival]\nThe lotus flowers in the outer moat of Takada Castle are in full bloom! Best viewing: early morning, 6:00 a.m.–9:00 a.m.\nParking: ¥500 per car.",
    ),
    (
        "x",
        "Thank you for visiting the Joetsu Winter Market! Over 8,000 people came this weekend. See you next year! 😊 #Joetsu",
    ),
    (
        "x",
        "The Gantsugi (雁木) covered walkways of Takada stretch about 16 km — the longest in Japan. Walk through history even on a snowy day! #Joetsu",
    ),
    (
        "facebook",
        "[Joetsu Sake Brewery Tour]\nDate: 12/12 (Sat) 1:00 p.m.–3:30 p.m.\nPlace: 5 breweries in Takada\nFee: ¥2,000 (20+ only)\nApply by Dec. 9 at https://www.city.joetsu.niigata.jp/site/kanko/tour.html",
    ),
    (
        "x",
        "International Exchange Party 🎉 Meet people from 20 countries! Sun., Dec. 6, 2:00 p.m.–4:00 p.m. at the Joetsu International Center. Free, no reservation needed. #Joetsu #国際交流",
    ),
    (
        "facebook",
        "[Japanese Language Class]\nFree Japanese classes for foreign residents every Tuesday, 7:00 p.m.–8:30 p.m.\nPlace: Joetsu International Center, 1-1-1 Kibougaoka, Joetsu City\nTel: +81-25-526-5111 (International Exchange Division)",
    ),
    (
        "line",
        "[For Foreign Residents]\nConsultation desk in English, Chinese, Portuguese, and Vietnamese.\nMon.–Fri., 9:00 a.m.–5:00 p.m.\nTel: +81-25-526-5111\nEmail: kokusai@city.joetsu.niigata.jp",
    ),
    (
        "x",
        "Our sister city exchange students from Canada arrived today! 🇨🇦 They will stay with host families in Joetsu for two weeks. Welcome! #Joetsu",
    ),
    (
        "facebook",
        "[Residence Card Renewal]\nIf your residence card expires soon, please apply at the Immigration Bureau before it expires. Contact the city's consultation desk if you need help with the forms.",
    ),
    (
        "x",
        "Garbage rules 🗑️ Burnable garbage: Mon. and Thu. Plastic: Wed. Cans and bottles: every other Fri. Put out your garbage by 8:30 a.m. on collection day. #Joetsu",
    ),
    (
        "line",
        "[Garbage Collection During the Year-End Holidays]\nNo collection from Dec. 31 to Jan. 3.\nBurnable garbage collection restarts on Mon., Jan. 4.\nSee the English guide: https://www.city.joetsu.niigata.jp/site/gomi/english.html",
    ),
    (
        "facebook",
        "How to separate your garbage in Joetsu:\n1. Burnable (yellow bag)\n2. Plastic containers (pink bag)\n3. Cans, bottles, PET bottles\nBags are sold at supermarkets: 10 bags for ¥300.",
    ),
    (
        "x",
        "Flu vaccinations for people aged 65 and over: ¥1,500 at clinics in Joetsu until Jan. 31. Bring your health insurance card. #Joetsu",
    ),
    (
        "facebook",
        "[COVID-19 and Flu Vaccination]\nResidents aged 65 and over can get a flu shot for ¥1,500.\nPeriod: Oct. 1–Jan. 31\nPlease make a reservation directly with the clinic.\nQuestions: Health Promotion Division, +81-25-526-5111",
    ),
    (
        "x",
        "Tax deadline reminder: the 4th installment of your municipal tax is due Mon., Jan. 4. You can pay at convenience stores or with a smartphone app. #Joetsu",
    ),
    (
        "facebook",
        "[Tax Return Help Desk for Foreign Residents]\nWe will help you file your tax return (kakutei shinkoku) in English.\nDate: Feb. 16–Mar. 15 (weekdays)\nTime: 9:00 a.m.–4:00 p.m.\nPlace: Joetsu City Hall, 1-1-1 Kibougaoka\nBring your residence card and your withholding slip (gensen choshu-hyo).",
    ),
    (
        "x",
        "Are you ready for heavy snow? ❄️ Keep 3 days of food and water, and clear snow from your roof with a partner — never alone. #Joetsu #SnowSafety",
    ),
    (
        "line",
        "[Snow Safety]\nEvery year, people are injured while clearing snow from roofs.\n✔ Never work alone\n✔ Use a safety rope\n✔ Tell your family where you are\nStay safe this winter!",
    ),
    (
        "x",
        "[Earthquake Information] An earthquake of intensity 4 was felt in Joetsu at 10:12 a.m. There is no tsunami warning. Please stay away from damaged walls. #Joetsu",
    ),
    (
        "x",
        "[Evacuation] An evacuation order has been issued for the Sekikawa River area. Go to the nearest evacuation shelter now. Shelter list: https://www.city.joetsu.niigata.jp/site/bousai/ #Joetsu",
    ),
    (
        "facebook",
        "[Evacuation Shelters Open]\nThe following evacuation shelters are open now:\n・Kasugano Elementary School\n・Takada Community Center\nBring medicine, water, and your residence card. Pets are welcome in carriers.",
    ),
    (
        "x",
        "Tsunami warning lifted. Thank you for your cooperation. Please check for damage around your home before returning. #Joetsu",
    ),
    (
        "line",
        "Emergency numbers in Japan:\n🚑 Ambulance / Fire: 119\n🚓 Police: 110\nFor interpretation at the hospital, call the city's multilingual support line: +81-25-526-5111.",
    ),
    (
        "x",
        "Safety tips from the Joetsu Fire Department 🔥 Check your heater before you go to bed. #Joetsu #FireSafety",
    ),
    (
        "facebook",
        'Public Wi-Fi "JOETSU_FREE_Wi-Fi" is available at Takada Station, Naoetsu Station, and City Hall. No password is needed — just agree to the terms of use.',
    ),
    (
        "x",
        "Library news 📚 English picture book storytime every 2nd Sat., 11:00 a.m. at Takada Library. For children 3 and up. #Joetsu",
    ),
    (
        "x",
        "Reminder: the city hall will be closed Dec. 29–Jan. 3. For emergencies, call +81-25-526-5111 (24 hours). #Joetsu",
    ),
    (
        "facebook",
        "[Free Health Check for Foreign Residents]\nDate: Sat., Dec. 12\nTime: 9:00 a.m.–11:30 a.m.\nPlace: Joetsu Health Center\nInterpreters in English, Vietnamese, and Portuguese will be available.",
    ),
    (
        "x",
        "Joetsu's new English website is now live! Find information on garbage, taxes, schools, and disasters in one place: https://www.city.joetsu.niigata.jp/en/",
    ),
    (
        "x",
        "Don't fall for phone scams! 📞 The city will never ask for your bank PIN or password by phone. If in doubt, hang up and call the police (110). #Joetsu",
    ),
    (
        "facebook",
        "[Bus Timetable Change]\nFrom Dec. 1, Joetsu city buses will run on the winter timetable. The last bus from Takada Station leaves at 9:15 p.m.\nOne-day pass: ¥500.",
    ),
    (
        "x",
        "【高田城址公园观樱会】4月1日至15日举办。约4000棵樱花在夜间点灯，时间为17:00～22:00。免费入园！#上越市 #Joetsu",
    ),
    (
        "facebook",
        "【上越日本酒节】\n12月5日（周六）10:00～16:00在上越文化会馆举行。\n门票：1,000日元（含品酒杯）\n未满20岁者禁止饮酒。请勿酒后驾驶。",
    ),
    (
        "line",
        "【外国人居民咨询窗口】\n可使用中文咨询。\n时间：周一至周五 9:00～17:00\n电话：+81-25-526-5111\n地址：上越市希望丘1-1-1",
    ),
    (
        "x",
        "【垃圾分类】可燃垃圾：周一、周四。塑料：周三。请在收集日早上8:30之前扔垃圾。详情：https://www.city.joetsu.niigata.jp/site/gomi/chinese.html",
    ),
    (
        "facebook",
        "【流感疫苗接种】\n65岁以上的居民可以以1,500日元接种流感疫苗。\n期间：10月1日～1月31日\n请直接向医院预约。",
    ),
    ("x", "【避难信息】关川流域已发布避难指示。请立即前往最近的避难所。#上越市"),
    ("line", "【大雪注意】\n请不要一个人在屋顶上扫雪。\n请使用安全绳。\n请准备3天的食物和水。"),
    ("facebook", "【纳税提醒】\n市民税第4期的缴纳期限是1月4日（周一）。\n可以在便利店缴纳。"),
    ("x", "上越是日本滑雪的发祥地！⛷️ 1911年，奥地利的莱希少校在这里传授了滑雪技术。#上越市"),
    ("x", "欢迎来上越！高田站旅游咨询处营业时间9:00～17:00。电话：+81-25-526-5111"),
    (
        "x",
        "【高田城址公園觀櫻會】4月1日至15日舉辦。約4000棵櫻花夜間點燈，時間為17:00～22:00。#上越市 #Joetsu",
    ),
    (
        "facebook",
        "【上越清酒祭】\n12月5日（週六）10:00～16:00\n地點：上越文化會館\n門票：1,000日圓\n未滿20歲者請勿飲酒。",
    ),
    ("line", "【外國居民諮詢窗口】\n提供中文諮詢服務。\n週一至週五 9:00～17:00\n電話：+81-25-526-5111"),
    ("x", "【避難資訊】關川流域已發布避難指示。請立即前往最近的避難所。#上越市"),
    ("facebook", "【垃圾分類】\n可燃垃圾：週一、週四\n塑膠類：週三\n請於收集日早上8:30前丟棄垃圾。"),
    ("x", "上越的雁木通道全長約16公里，是日本最長的！下雪天也能悠閒散步。#上越市"),
    ("x", "【地震資訊】上午10點12分上越市觀測到震度4的地震。沒有海嘯警報。#上越市"),
    ("line", "【接種流感疫苗】\n65歲以上居民可以1,500日圓接種。\n期間至1月31日。"),
    (
        "x",
        "【다카다 성터 공원 벚꽃 축제】4월 1일~15일 개최. 약 4,000그루의 벚꽃이 밤 17:00~22:00에 라이트업됩니다. 입장 무료! #上越市 #Joetsu",
    ),
    (
        "facebook",
        "【조에쓰 사케 축제】\n12월 5일(토) 10:00~16:00\n장소: 조에쓰 문화회관\n입장료: 1,000엔\n20세 미만은 음주할 수 없습니다. 음주운전은 절대 하지 마세요.",
    ),
    (
        "line",
        "【외국인 주민 상담 창구】\n한국어로 상담할 수 있습니다.\n월~금 9:00~17:00\n전화: +81-25-526-5111",
    ),
    (
        "x",
        "【피난 정보】세키카와 강 유역에 피난 지시가 발령되었습니다. 가까운 피난소로 바로 이동하세요. #上越市",
    ),
    (
        "facebook",
        "【쓰레기 분리배출】\n타는 쓰레기: 월, 목\n플라스틱: 수\n수거일 아침 8시 30분까지 내놓아 주세요.",
    ),
    ("x", "조에쓰는 일본 스키의 발상지입니다! ⛷️ 1911년 레르히 소령이 이곳에서 스키를 가르쳤습니다. #上越市"),
    ("line", "【폭설 주의】\n지붕의 눈을 치울 때는 혼자 작업하지 마세요.\n안전 로프를 사용하세요."),
    (
        "x",
        "【지진 정보】오전 10시 12분 조에쓰시에서 진도 4의 지진이 있었습니다. 쓰나미 경보는 없습니다. #上越市",
    ),
    (
        "facebook",
        "【독감 예방접종】\n65세 이상 주민은 1,500엔으로 접종할 수 있습니다.\n기간: 10월 1일~1월 31일\n병원에 직접 예약해 주세요.",
    ),
    ("x", "조에쓰 국제교류 파티에 오세요! 🎉 12월 6일(일) 14:00~16:00, 조에쓰 국제센터. 무료입니다. #上越市"),
    (
        "x",
        "[Festival das Cerejeiras do Parque do Castelo de Takada] De 1 a 15 de abril. Cerca de 4.000 cerejeiras iluminadas das 17h às 22h. Entrada gratuita! #Joetsu",
    ),
    (
        "facebook",
        "[Atendimento em Português]\nConsultas para residentes estrangeiros em português.\nSegunda a sexta, das 9h às 17h\nTel.: +81-25-526-5111\nEndereço: 1-1-1 Kibougaoka, Joetsu City",
    ),
    (
        "line",
        "[Coleta de Lixo]\nLixo queimável: segunda e quinta\nPlástico: quarta\nColoque o lixo até as 8h30 no dia da coleta.\nGuia em português: https://www.city.joetsu.niigata.jp/site/gomi/portugues.html",
    ),
    (
        "x",
        "[Evacuação] Foi emitida ordem de evacuação para a área do rio Sekikawa. Vá agora para o abrigo mais próximo. #Joetsu",
    ),
    (
        "facebook",
        "[Vacina contra a gripe]\nMoradores com 65 anos ou mais podem se vacinar por ¥1.500.\nPeríodo: 1º de outubro a 31 de janeiro.\nFaça a reserva diretamente com a clínica.",
    ),
    ("x", "Atenção à neve! ❄️ Nunca limpe a neve do telhado sozinho. Use corda de segurança. #Joetsu"),
    (
        "facebook",
        "[Imposto Municipal]\nO prazo da 4ª parcela do imposto municipal é 4 de janeiro (segunda-feira). Você pode pagar na loja de conveniência.",
    ),
    (
        "line",
        "[Aula de japonês gratuita]\nToda terça-feira, das 19h às 20h30.\nLocal: Centro Internacional de Joetsu\nInscrição não é necessária.",
    ),
    (
        "x",
        "Bem-vindos a Joetsu! A comunidade brasileira de Joetsu convida todos para a festa de fim de ano no dia 12/12 (sáb.). Entrada: ¥1.000. #Joetsu",
    ),
    (
        "facebook",
        "[Terremoto]\nÀs 10h12 houve um terremoto de intensidade 4 em Joetsu. Não há alerta de tsunami. Fique longe de muros danificados.",
    ),
    (
        "x",
        "[Festival de los Cerezos] Del 1 al 15 de abril en el Parque del Castillo de Takada. ¡Entrada gratuita! Iluminación de 17:00 a 22:00. #Joetsu",
    ),
    (
        "facebook",
        "[Consultas en Español]\nAtención para residentes extranjeros.\nLunes a viernes, de 9:00 a 17:00\nTel.: +81-25-526-5111",
    ),
    (
        "line",
        "[Basura]\nBasura quemable: lunes y jueves\nPlástico: miércoles\nSaque la basura antes de las 8:30 el día de recolección.",
    ),
    (
        "x",
        "[Evacuación] Se ha emitido una orden de evacuación para la zona del río Sekikawa. Diríjase al refugio más cercano. #Joetsu",
    ),
    (
        "facebook",
        "[Vacuna contra la gripe]\nLas personas de 65 años o más pueden vacunarse por ¥1.500 hasta el 31 de enero.",
    ),
    ("x", "¡Cuidado con la nieve! ❄️ No limpie el techo solo. Use una cuerda de seguridad. #Joetsu"),
    (
        "x",
        "[Lễ hội hoa anh đào công viên thành Takada] Từ ngày 1 đến 15 tháng 4. Khoảng 4.000 cây hoa anh đào được chiếu sáng từ 17:00 đến 22:00. Vào cửa miễn phí! #Joetsu",
    ),
    (
        "facebook",
        "[Tư vấn bằng tiếng Việt]\nTư vấn cho người nước ngoài sinh sống tại Joetsu.\nThứ Hai đến thứ Sáu, 9:00–17:00\nĐiện thoại: +81-25-526-5111\nĐịa chỉ: 1-1-1 Kibougaoka, Joetsu City",
    ),
    (
        "line",
        "[Phân loại rác]\nRác cháy được: thứ Hai và thứ Năm\nNhựa: thứ Tư\nHãy bỏ rác trước 8:30 sáng ngày thu gom.\nHướng dẫn tiếng Việt: https://www.city.joetsu.niigata.jp/site/gomi/vietnamese.html",
    ),
    (
        "x",
        "[Sơ tán] Lệnh sơ tán đã được ban hành cho khu vực sông Sekikawa. Hãy đến nơi lánh nạn gần nhất ngay bây giờ. #Joetsu",
    ),
    (
        "facebook",
        "[Tiêm vắc-xin cúm]\nNgười từ 65 tuổi trở lên được tiêm với giá 1.500 yên.\nThời gian: 1/10 – 31/1.\nVui lòng đặt lịch trực tiếp với phòng khám.",
    ),
    ("x", "Chú ý tuyết rơi dày! ❄️ Không dọn tuyết trên mái nhà một mình. Hãy dùng dây an toàn. #Joetsu"),
    (
        "facebook",
        "[Thuế thị dân]\nHạn nộp kỳ 4 thuế thị dân là ngày 4 tháng 1 (thứ Hai). Bạn có thể nộp tại cửa hàng tiện lợi.",
    ),
    (
        "line",
        "[Lớp học tiếng Nhật miễn phí]\nMỗi thứ Ba, 19:00–20:30\nĐịa điểm: Trung tâm Quốc tế Joetsu\nKhông cần đăng ký trước.",
    ),
    ("x", "Chào mừng các thực tập sinh kỹ năng mới đến Joetsu! Chúc các bạn sức khỏe và thành công. #Joetsu"),
    (
        "facebook",
        "[Động đất]\nLúc 10:12 sáng đã xảy ra động đất cường độ 4 tại Joetsu. Không có cảnh báo sóng thần. Hãy tránh xa các bức tường bị hư hỏng.",
    ),
    (
        "x",
        "[Tết Việt Nam tại Joetsu] Ngày 12/12 (thứ Bảy) 13:00–16:00 tại Trung tâm Quốc tế. Có phở và bánh mì! Phí tham gia: 500 yên. #Joetsu",
    ),
    (
        "x",
        "[Cherry Blossom Festival ng Takada Castle Park] Abril 1–15. Mga 4,000 puno ng cherry blossom ang may ilaw mula 5:00 p.m. hanggang 10:00 p.m. Libre ang pasok! #Joetsu",
    ),
    (
        "facebook",
        "[Konsultasyon sa Tagalog at English]\nPara sa mga dayuhang residente ng Joetsu.\nLunes hanggang Biyernes, 9:00 a.m.–5:00 p.m.\nTel: +81-25-526-5111",
    ),
    (
        "line",
        "[Basura]\nNasusunog na basura: Lunes at Huwebes\nPlastik: Miyerkules\nIlabas ang basura bago mag-8:30 a.m. sa araw ng koleksyon.",
    ),
    (
        "x",
        "[Paglikas] May utos ng paglikas para sa lugar ng Ilog Sekikawa. Pumunta agad sa pinakamalapit na evacuation center. #Joetsu",
    ),
    (
        "facebook",
        "[Bakuna laban sa trangkaso]\nAng mga residenteng 65 taong gulang pataas ay maaaring magpabakuna sa halagang ¥1,500 hanggang Enero 31.",
    ),
    (
        "x",
        "Mag-ingat sa niyebe! ❄️ Huwag maglinis ng niyebe sa bubong nang mag-isa. Gumamit ng safety rope. #Joetsu",
    ),
    (
        "facebook",
        "[Christmas Party ng Filipino Community]\nPetsa: Dis. 12 (Sab.), 2:00 p.m.–5:00 p.m.\nLugar: Joetsu International Center\nBayad: ¥500\nLahat ay welcome!",
    ),
    (
        "line",
        "[Libreng klase ng Japanese]\nTuwing Martes, 7:00 p.m.–8:30 p.m.\nLugar: Joetsu International Center",
    ),
    (
        "x",
        "【ひなんじょ（避難所）】 ひなんじょ が あきました。 ちかくの ひなんじょ へ いって ください。 https://www.city.joetsu.niigata.jp/site/bousai/ #上越市",
    ),
    (
        "facebook",
        "【やさしい にほんご】\nおおきな じしん（地震）が ありました。\nつなみ（津波）は きません。\nこわれた かべ に ちかづかないで ください。",
    ),
    (
        "line",
        "【ごみ の だしかた】\nもえる ごみ： げつようび と もくようび\nプラスチック： すいようび\nあさ 8じ30ぷん までに だして ください。",
    ),
    (
        "x",
        "【ゆき（雪）に きをつけて】 やね の ゆき を おろす とき は、 ひとり で しないで ください。 #上越市",
    ),
    (
        "facebook",
        "【よぼうせっしゅ（予防接種）】\nインフルエンザ の ちゅうしゃ を うけることが できます。\n65さい いじょう の ひと は 1,500えん です。\n1がつ31にち まで です。",
    ),
    (
        "line",
        "【ぜいきん（税金）】\nしみんぜい（市民税） の 4かいめ は 1がつ4にち（げつようび） まで に はらって ください。\nコンビニ で はらう こと が できます。",
    ),
    (
        "x",
        "【ひなん（避難）して ください】 せきかわ（関川） の ちかく の ひと は、 いますぐ ひなんじょ へ いって ください。 #上越市",
    ),
    (
        "facebook",
        "【がいこくじん（外国人） の ための そうだん まどぐち（相談窓口）】\nげつようび から きんようび、 9じ から 5じ まで です。\nでんわ： 025-526-5111\nえいご、 ちゅうごくご、 ベトナムご で はなせます。",
    ),
    (
        "line",
        "【にほんご きょうしつ（日本語教室）】\nまいしゅう かようび よる 7じ から です。\nおかね は いりません。\nだれ でも きて ください。",
    ),
    ("x", "【たいふう（台風）】 あした は かぜ が つよく なります。 そと に でないで ください。 #上越市"),
    (
        "facebook",
        "【ひなんじょ で の Wi-Fi】\nひなんじょ では ただ（無料） で Wi-Fi が つかえます。\nなまえ： 00000JAPAN\nパスワード は いりません。",
    ),
    (
        "line",
        "【さいがい（災害） の とき に つかう でんわ】\nきゅうきゅうしゃ（救急車）・しょうぼう（消防）： 119\nけいさつ（警察）： 110",
    ),
    (
        "x",
        "【ざいりゅうカード（在留カード）】 きげん が きれる まえ に、 にゅうかん（入管） で てつづき を して ください。 #上越市",
    ),
    (
        "facebook",
        "【あかちゃん の けんしん（健診）】\n12がつ5にち（どようび） ごぜん 9じ から です。\nぼしてちょう（母子手帳） を もって きて ください。\nつうやく（通訳） が います。",
    ),
    ("x", "【おしらせ】 12がつ29にち から 1がつ3にち まで、 しやくしょ（市役所） は やすみ です。 #上越市"),
    (
        "line",
        "【だんすい（断水）】\n12がつ6にち（にちようび） ごぜん 9じ から ごご 3じ まで、 みず が でません。\nみず を ためて おいて ください。",
    ),
    (
        "x",
        "【ゆき の ひ の ごみ】 ゆき で ごみ しゅうしゅうしゃ が おくれる こと が あります。 いつも の じかん に だして ください。 #上越市",
    ),
    (
        "facebook",
        "【こども の ための にほんご きょうしつ】\nがっこう の べんきょう を てつだいます。\nどようび ごぜん 10じ から 12じ まで。\nばしょ： こくさい こうりゅう センター",
    ),
    (
        "x",
        "【観光】高田城址公園観桜会 / Takada Castle Site Park Cherry Blossom Festival 🌸 4/1〜4/15 ライトアップ 17:00〜22:00 #上越市 #Joetsu",
    ),
    (
        "facebook",
        "【多言語相談窓口 / Multilingual Consultation】\n英語・中国語・ポルトガル語・ベトナム語で相談できます。\nEnglish, Chinese, Portuguese and Vietnamese available.\n月〜金 9:00〜17:00 / Mon.–Fri. 9:00 a.m.–5:00 p.m.\nTel: 025-526-5111 (+81-25-526-5111)",
    ),
    (
        "x",
        "【避難所開設 / Shelters Open】春日野小学校、高田地区公民館 / Kasugano Elementary School, Takada Community Center #上越市 #Joetsu",
    ),
    (
        "line",
        "【ごみカレンダー / Garbage Calendar 2027】\n英語版ができました。\nThe English version is ready.\nhttps://www.city.joetsu.niigata.jp/site/gomi/calendar-en.html",
    ),
    ("x", "Joetsu Sake Festival 2026 🍶 上越 日本酒フェス、12/5（土）開催！ Tickets ¥1,000 #上越市 #Joetsu"),
    (
        "facebook",
        "【国際交流イベント】International Food Fair\n日時：12月6日（日）11:00〜15:00\nDate: Sun., Dec. 6, 11:00 a.m.–3:00 p.m.\n会場：上越市国際交流センター\n参加費：無料 / Free",
    ),
    (
        "x",
        "ALT（外国語指導助手）の先生たちが、市内の小学校で英語の授業をしています😊 Thank you, teachers! #上越市",
    ),
    (
        "instagram",
        "Snow Festival in Joetsu ⛄\n雪まつり、今週末です！\nSat., Dec. 12, 10:00 a.m.–4:00 p.m.\n#上越市 #joetsu",
    ),
    (
        "x",
        "【インフルエンザ予防接種 / Flu Shots】65歳以上 ¥1,500 / Age 65+: ¥1,500（1月31日まで / until Jan. 31）#上越市",
    ),
    (
        "facebook",
        "【市民税 第4期 / Municipal Tax 4th Installment】\n納期限：1月4日（月）\nDue: Mon., Jan. 4\nコンビニでも払えます。You can pay at convenience stores.",
    ),
    (
        "x",
        "【Wi-Fi】市役所1階ロビーで無料Wi-Fi「JOETSU_FREE_Wi-Fi」が使えます。Free Wi-Fi is available in the City Hall lobby. #上越市",
    ),
    (
        "line",
        "【英語で話そう！English Café】\n毎月第2土曜日 14:00〜15:30\n参加費 ¥300（お茶代）\n申込不要 / No reservation needed",
    ),
    ("x", "上越市の国際交流員（CIR）、マリアさんが着任しました！Welcome to Joetsu, Maria! 🇧🇷 #上越市"),
    (
        "facebook",
        "【在住外国人アンケート / Survey for Foreign Residents】\n暮らしの困りごとを教えてください。Tell us about your life in Joetsu.\n回答期限：12月18日（金）/ Deadline: Fri., Dec. 18\nhttps://www.city.joetsu.niigata.jp/site/kokusai/survey.html",
    ),
    ("x", "Happy Chuseok! 추석 잘 보내세요! 中秋节快乐！ Feliz festa! 上越市に住むみなさん、よい一日を😊"),
    (
        "x",
        "12/6（日）は国際交流フェスタ！ Dec. 6 is International Festa Day! 世界の料理と音楽を楽しもう🎶 #上越市 #Joetsu",
    ),
    (
        "facebook",
        "【外国人住民のための防災訓練 / Disaster Drill for Foreign Residents】\n12月12日（土）9:30〜11:30\nSat., Dec. 12, 9:30 a.m.–11:30 a.m.\n会場：高田地区公民館 / Takada Community Center\n非常食の試食もあります。",
    ),
]


BAD = [
    ("x", "Gaijin go home! Joetsu is for Japanese only.", "prohibited.discrimination"),
    ("x", "Foreigners are criminals. Lock your doors when they move in.", "prohibited.discrimination"),
    ("x", "Too many chinks in Takada these days.", "prohibited.discrimination"),
    ("x", "No foreigners allowed at the festival.", "prohibited.discrimination"),
    ("facebook", "Foreigners should go back to their own country.", "prohibited.discrimination"),
    ("x", "Vietnamese workers are all thieves.", "prohibited.discrimination"),
    ("x", "The Brazilians in this town are lazy.", "prohibited.discrimination"),
    ("x", "支那人滚出去！", "prohibited.discrimination"),
    ("x", "外国人滚回去！", "prohibited.discrimination"),
    ("x", "がいこくじん は でていけ。", "prohibited.discrimination"),
    ("x", "The mayor is an idiot.", "prohibited.insult"),
    ("x", "Shut up, you moron.", "prohibited.insult"),
    ("x", "Fuck the city council.", "prohibited.insult"),
    ("x", "You stupid bitch.", "prohibited.insult"),
    ("x", "For details, call Mr. Tanaka at +81 90-1234-5678.", "pii.phone"),
    ("line", "Contact: +81-80-9876-5432 (Sato)", "pii.phone"),
    ("facebook", "Liên hệ: +81 70 1234 5678 (chị Lan)", "pii.phone"),
    ("x", "咨询电话：+81-90-1234-5678（王先生）", "pii.phone"),
    ("x", "Ligue para +819012345678 (Sr. Silva).", "pii.phone"),
    ("x", "문의: 090-1234-5678 (김)", "pii.phone"),
    ("x", "The Wi-Fi password is Joetsu2026!", "confidential.secret"),
    ("line", "Staff Wi-Fi\nSSID: JOETSU-STAFF\nPassword: Kx7#pQ29", "confidential.secret"),
    ("facebook", "Login ID: kokusai01 / Password: Yuki2026joetsu", "confidential.secret"),
    ("x", "Wi-Fi密码：joetsu8888", "confidential.secret"),
    ("x", "와이파이 비밀번호: joetsu2026", "confidential.secret"),
    ("x", "Senha do Wi-Fi: Joetsu2026!", "confidential.secret"),
    ("x", "Mật khẩu Wi-Fi: Joetsu2026!", "confidential.secret"),
    (
        "x",
        "CONFIDENTIAL: minimum bid price for the school construction is ¥120,000,000.",
        "confidential.secret",
    ),
    ("x", "Vote for candidate Tanaka in the mayoral election on Dec. 6!", "prohibited.political"),
    ("x", "Please vote for Tanaka Ichiro on Sunday!", "prohibited.political"),
    ("x", "다나카 후보에게 투표해 주세요!", "prohibited.political"),
    ("x", "Register here: https://bit.ly/3xYzAbc", "link.shortener"),
    ("x", "市长是个白痴。", "prohibited.discrimination"),
    ("x", "The PIN for the key box is 4821.", "confidential.secret"),
    # Caught since session 36 (were KNOWN): a list of vices or a clause after the English one, and the verdicts and
    # slurs of the Chinese, Korean, Portuguese and Vietnamese posts.
    ("x", "Those Filipinos are dirty and noisy.", "prohibited.discrimination"),
    ("x", "Koreans are liars, don't trust them.", "prohibited.discrimination"),
    ("x", "外国人都是罪犯。", "prohibited.discrimination"),
    ("x", "외국인은 모두 범죄자다.", "prohibited.discrimination"),
    ("x", "쪽바리는 꺼져라.", "prohibited.discrimination"),
    ("x", "Os estrangeiros são todos criminosos.", "prohibited.discrimination"),
    ("x", "Người nước ngoài đều là tội phạm.", "prohibited.discrimination"),
    # A romaji address beside a private person, an English 予定価格 before the bid (confidential.deliberation, as the
    # Japanese 予定価格 is), support asked for a party by its English name.
    (
        "facebook",
        "Mr. Taro Yamada, 3-12-5 Minami-Honcho, Joetsu City, found the lost wallet.",
        "pii.address",
    ),
    ("x", "Lost dog found! Owner: Hanako Suzuki, 2-4-8 Naka-machi, Joetsu-shi, Niigata.", "pii.address"),
    (
        "facebook",
        "The estimated price for the Takada bridge repair bid (not yet announced) is ¥48,500,000.",
        "confidential.deliberation",
    ),
    ("facebook", "Support the Liberal Democratic Party in the upcoming election!", "prohibited.political"),
    # The English [deny] word denied before it (「no myth」「not a stereotype」), as 「差別ではありません」 is after it.
    ("x", "That's no myth: foreigners are criminals.", "prohibited.discrimination"),
]

# (platform, text, the code it should get, why it does not yet): none left since session 37.
KNOWN: list[tuple[str, str, str, str]] = []


test_ordinary_multilingual_post_gets_no_error_or_warning = CORPUS.ordinary(ORDINARY)
test_bad_multilingual_post_fires_its_code = CORPUS.bad(BAD)
# Documented, not dropped: when a rule starts catching one of these, move it to BAD.
test_known_miss_still_missed = CORPUS.known(KNOWN)


# What this corpus found missed and the fixes catch: English prejudice said of a group ending the sentence, the slur
# 「chink」, an English vote call for a candidate by surname alone after 「candidate」「Mayor」, and an English password
# label followed by what it is for (「The password for the staff Wi-Fi is …」).
NEW_CATCHES = [
    ("Foreigners are criminals.", "prohibited.discrimination"),
    ("Vietnamese workers are all thieves.", "prohibited.discrimination"),
    ("The Brazilians in this town are lazy.", "prohibited.discrimination"),
    ("Filipinos are liars!", "prohibited.discrimination"),
    ("Foreigners should go back to their own country.", "prohibited.discrimination"),
    ("Too many chinks in Takada these days.", "prohibited.discrimination"),
    ("Vote for candidate Tanaka in the mayoral election on Dec. 6!", "prohibited.political"),
    ("Vote for Mayor Nakagawa!", "prohibited.political"),
    ("The password for the staff Wi-Fi is Kx7pq29z.", "confidential.secret"),
    ("PIN for the key box: 4821", "confidential.secret"),
    # Were KNOWN (session 36): an English sentence that is only a group told out or people told back to a country, a
    # Korean insult ending the sentence, a Chinese call for a surname with 候选人, a Portuguese call for a candidate.
    ("Go back to China!", "prohibited.discrimination"),
    ("Japan for the Japanese. Foreigners out!", "prohibited.discrimination"),
    ("All foreigners, out.", "prohibited.discrimination"),
    ("Immigrants out. Japan first!", "prohibited.discrimination"),
    ("Go back to Korea. We don't want you here.", "prohibited.discrimination"),
    ("시장은 바보다.", "prohibited.insult"),
    ("담당자는 멍청이야!", "prohibited.insult"),
    ("请投票给田中候选人！", "prohibited.political"),
    ("请投票给佐藤候选人。", "prohibited.political"),
    # Session 38: simplified kanji of Japanese names (铃木, 高桥), read in their Japanese forms, and a candidate named with
    # where they stand.
    ("请投票给铃木", "prohibited.political"),
    ("请投票给铃木！", "prohibited.political"),
    ("请投票给高桥候选人", "prohibited.political"),
    ("请投票给铃木一郎！", "prohibited.political"),
    ("请投票给渡边！", "prohibited.political"),
    ("请投票给长谷川候选人。", "prohibited.political"),
    ("请投票给广濑！", "prohibited.political"),
    ("请投票给斋藤候选人！", "prohibited.political"),
    ("请投票给五十岚！", "prohibited.political"),
    ("请投票给增田纯一！", "prohibited.political"),
    ("请投票给直江津地区的田中候选人！", "prohibited.political"),
    ("请投票给田中候选人", "prohibited.political"),
    # A contest before, an election in the call's own sentence, or a title: still a candidate.
    ("摄影比赛结果公布了。市长选举请投票给田中！", "prohibited.political"),
    ("吉祥物人气投票结束了。请投票给高田候选人！", "prohibited.political"),
    ("市长选举投票日是12月6日。请投票给中川幹太！", "prohibited.political"),
    # A town's subject (旅游, 观光, 美食) or a person's past (选手, 冠军) makes no contest.
    ("山田太郎致力于发展旅游业。请投票给山田太郎！", "prohibited.political"),
    ("为了振兴观光，请投票给高田！", "prohibited.political"),
    ("本市的美食很多。请投票给铃木一郎！", "prohibited.political"),
    ("山田太郎曾是全国冠军。请投票给山田太郎！", "prohibited.political"),
    ("前奥运选手山田太郎参选市长。请投票给山田太郎！", "prohibited.political"),
    ("请投票给上越市的山田太郎！", "prohibited.political"),
    ("Vote em Tanaka para prefeito!", "prohibited.political"),
    ("Vote no candidato Tanaka!", "prohibited.political"),
    ("Vote em Taro Yamada no domingo!", "prohibited.political"),
    ("Votem em Sato para vereador.", "prohibited.political"),
    ("Vote em Taro Yamada!", "prohibited.political"),
    ("Vote em Tanaka Ichiro, o melhor para a cidade.", "prohibited.political"),
]
# Each relaxation attacked: the crack called a chink, a community named without a verdict ending the sentence, the
# prejudice named to be corrected, 「candidate」 or 「Mayor」 before no romaji name or in a contest, and a password's
# label with what it is for followed by a rule or a place, not a value.
NEAR_MISSES = [
    "There is a chink in the armour.",
    "A chink of light came through the shutters.",
    "Vietnamese food is delicious: try pho at the International Festa!",
    "Brazilians in Joetsu are celebrating Christmas.",
    "Many Brazilians go back to their country for Christmas.",
    "Filipinos are all welcome.",
    "Brazilians are not lazy.",
    "It is a myth that foreigners are criminals.",
    # These three fired before: the English prejudice named to be corrected ([deny] of discrimination.txt).
    "It is a myth that foreigners are all criminals.",
    "Stop saying Chinese go home.",
    "We will never say refugees are not welcome here.",
    "Don't say foreigners are criminals.",
    "Police say foreign residents are victims more often than criminals.",
    "Vote for a candidate. Tanaka Hall is the polling station.",
    "Vote for candidate Kenshin in the character poll!",
    "Vote for Mayor Of The Year",
    "The password for the staff Wi-Fi is changed every month.",
    "The PIN for your card is the one you chose at the bank.",
    "The password for the Wi-Fi is on the card at the front desk.",
    "The password for the shelter Wi-Fi is not needed.",
    "The password for your account is case-sensitive.",
    "The PIN for the key box is 4 digits.",
    "The password for each user is 8 characters or more.",
    "Passwords for the staff Wi-Fi are managed by the IT team.",
    "The pass for the ski lift is ¥3,500.",
    # Near the catches of session 37. English: 「out」 and 「go back to」 in a notice, or the words quoted as hate.
    "Back to top",
    "Foreigners' consultation desk is out of service today.",
    "The guide for foreigners is out.",
    "The new guide for foreigners is out now.",
    "Go back to Chinatown via Route 8.",
    "The pandas will go back to China next year.",
    "Go back to China Town for dinner!",
    "Foreigners out of the country must file by March 15.",
    "Chinese out-of-town visitors are welcome.",
    '"Foreigners out!" is hate speech and will not be tolerated.',
    'Slogans like "Go back to China!" are discrimination.',
    "Go back to the previous page.",
    "Tourists from abroad: Go back to Niigata Station and take the bus.",
    "Refugees out of danger are now at the shelter.",
    "Day 5: Go back to China.",
    "Foreigners, check out our new guide!",
    # Korean: a market (시장) closed, garbage sorted (쓰레기), the word quoted or inside another, a figure's 8등신.
    "시장은 월요일 휴무입니다.",
    "이것은 타는 쓰레기입니다.",
    '"바보"라는 말은 상처를 줍니다.',
    '친구에게 "바보!"라고 하지 마세요.',
    "바보상자를 끄고 책을 읽읍시다.",
    "바보 온달 이야기 읽기 모임을 엽니다.",
    "8등신이다.",
    # Chinese: whoever the reader supports, the best, a candidate's speech announced. 「最佳候选人」 fired before
    # (the analyser read 佳 as a name).
    "请投票给最佳候选人！",
    "请投票给你喜欢的候选人！",
    "投票日是12月6日。请投票给您支持的候选人。",
    "请投票给所有候选人！",
    "田中候选人的演讲会将在市民会馆举行。",
    "请投票给新人候选人！",
    "请投票给女性候选人！",
    # Session 38: places that are also surnames (高田, 直江津) in a contest's vote, a polling place or a district.
    "上越赏樱名所人气投票开始了！请投票给高田！",
    "最美海滩评选：请投票给直江津！",
    "直江津海水浴场入围最美海滩评选。请投票给直江津！",
    "上越美食排行榜：请投票给高田！",
    "请到高田投票所投票。",
    "直江津地区的投票所设在直江津学习交流馆。",
    "请投票给高田地区的候选人。",
    "请投票给直江津地区的候选人。",
    "请在直江津投票。",
    "请投票给你心目中的最佳作品！",
    "请投票给东京！",
    # A contest's favourite: 的 after a liking, not a place.
    "请投票给你最喜欢的春日山！",
    "请投票给最喜欢的松本！",
    # The mayor who opens a contest, named the sentence before the call, makes it no election.
    "上越市长宣布吉祥物人气投票开始。请投票给雪太郎！",
    "赏樱名所人气投票：市长也参加了颁奖。请投票给高田！",
    # Portuguese: the election explained, a contest's vote, a day before 「para prefeito」.
    "Vote em Momo Nakamura no concurso de mascotes!",
    "Vote em seu candidato no dia 6 de dezembro.",
    "Vote no local de votação indicado no seu cartão.",
    "A eleição para prefeito de Joetsu será no dia 6 de dezembro. Vote!",
    "Vote em Joetsu! Eleição para prefeito no dia 6.",
    "Vote em Kenshin Uesugi no ranking de personagens!",
    "Eleição para prefeito: os candidatos são Tanaka e Sato.",
    "Vote em Nagaoka para a melhor cidade turística!",
    "Vote no Domingo para Prefeito!",
    # Where Brazilians abroad vote for their own president (em/no/na are also 「in」「at」).
    "Vote em Hamamatsu para presidente!",
    "Vote em Nagoya para presidente e senador.",
    "Vote no Ota Shimin Kaikan no dia 4 de outubro.",
    "Vote na Hamamatsu Kita Kumin Center.",
    "Vote no Oizumi Kominkan.",
    "Os estrangeiros não podem votar na eleição para prefeito.",
]


test_prejudice_slur_and_vote_found_by_this_corpus_fire = CORPUS.fires(NEW_CATCHES)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The password for the staff Wi-Fi is Kx7pq29z.", "Kx7pq29z"),
        ("The PIN for the key box is 4821.", "4821"),
        ("PIN for the key box: 4821", "4821"),
    ],
)
def test_english_password_with_what_it_is_for_is_masked_in_excerpt_and_report(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


test_near_misses_of_the_new_catches_stay_silent = CORPUS.silent(NEAR_MISSES)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # twitter-text v3: code points up to U+10FF weigh 1, so English and the Vietnamese letters of Latin-1 (「à」)…
        ("Joetsu " * 40, (280, None)),
        ("à" * 280, (280, None)),
        ("à" * 281, (281, 280)),
        # …but the precomposed Vietnamese letters of U+1E00–U+1EFF (「ế」「ừ」) weigh 2, also typed decomposed (NFC
        # joins 「e」+ U+0302 + U+0301 into one 「ế」, the index given back is the draft's), and Hangul syllables weigh 2
        # like kanji.
        ("ế" * 140, (280, None)),
        ("ế" * 141, (282, 140)),
        ("e\u0302\u0301" * 141, (282, 420)),
        ("한" * 140, (280, None)),
        ("한" * 141, (282, 140)),
        ("Chào mừng ", (11, None)),
    ],
)
def test_x_weighs_latin_vietnamese_and_hangul_as_twitter_text_does(
    text: str, counted: tuple[int, int | None]
) -> None:
    assert x_weighted_length(text) == counted
    assert ("platform.length" in CORPUS.codes("x", text)) is (counted[1] is not None)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # 「12/6」 is read as month/day (2026-12-06 is a Sunday), in Japanese and English brackets and spelled out.
        ("12/6（日）国際交流フェスタ", False),
        ("12/6（土）国際交流フェスタ", True),
        ("International Festa 12/6 (Sat)", True),
        ("International Festa, Sun., Dec. 6", False),
        ("International Festa, Sat., Dec. 6", True),
        ("Saturday, December 6, 2026: International Festa", True),
    ],
)
def test_english_and_slashed_dates_are_checked_against_their_weekday(text: str, fires: bool) -> None:
    assert ("date.weekday_mismatch" in CORPUS.codes("x", text)) is fires, text


# Session 36. An English prejudice set down and called untrue in the next sentence of the paragraph is a rebuttal, as
# 「外国人はいらない。それは誤解です。」 is (tests/rules/test_prejudice_rebutted.py); a vice said of a group goes on to
# more vices or to what to do about it; and the Chinese, Korean, Portuguese and Vietnamese forms of the same verdict.
SILENT_S36 = [
    "Filipinos are lazy? Not true!",
    "Filipinos are lazy. Not true!",
    "Filipinos are lazy? That is not true. They work hard in our factories.",
    "Filipinos are lazy? Not true! They are even busier than us.",
    "Foreigners are criminals? Not true. They are our neighbours, and they are not criminals.",
    "Foreigners are criminals. That's a myth.",
    "Foreigners are criminals. No, that is not true.",
    "Brazilians are lazy? Wrong!",
    "Foreigners are criminals? Not true at all.",
    "No racism, no hate: stop saying foreigners go home.",
    "That is simply not true: foreigners are criminals is a myth.",
    # Said of another subject, not of the group: these fired before.
    "Foreigners say Japanese workers are lazy.",
    "Foreigners tell us the trains are dirty.",
    "Some foreigners say the beaches are dirty and noisy.",
    "Brazilians are dirty after the mud run!",
    "Foreigners who come here are dirty.",
    "Foreigners are criminals, police said, in only 2% of cases.",
    "Foreigners in Joetsu say streets are dirty.",
    "Filipinos at the party say the rooms are dirty.",
    # The ordinary multilingual notice names the same groups.
    "外国人居民咨询窗口：可使用中文咨询。",
    "外国人都是我们的邻居。",
    "不是所有外国人都是罪犯。",
    "外国人都是罪犯吗？",
    "外国人都是罪犯的受害者。",
    "有人说外国人都是罪犯，这是偏见。",
    "外国人住民の皆さん、是非ご参加ください。",
    "외국인 주민은 한국어로 상담할 수 있습니다.",
    "외국인은 범죄자가 아닙니다.",
    "외국인은 모두 범죄자인가요?",
    "외국인은 모두 범죄자라는 편견을 버립시다.",
    "「쪽바리」라는 말은 차별입니다.",
    "Consultas para residentes estrangeiros em português.",
    "Os brasileiros são todos bem-vindos.",
    "Nem todos os estrangeiros são criminosos.",
    "Os estrangeiros não são criminosos.",
    "Os estrangeiros são criminosos? Não!",
    "Dizer que os estrangeiros são criminosos é preconceito.",
    "Os filipinos são ladrões de corações no karaokê!",
    "Tư vấn cho người nước ngoài bằng tiếng Việt.",
    "Người nước ngoài là nạn nhân của tội phạm.",
    "Không phải người nước ngoài đều là tội phạm.",
    "Người nước ngoài đều là tội phạm? Không!",
    "Người nước ngoài đều là tội phạm là định kiến.",
    "鬼子母神の縁日は毎月8日です。",
    "外国人都是罪犯，这是偏见，不是事实。",
    "외국인은 모두 범죄자다. 이건 사실이 아닙니다.",
    "Os estrangeiros são todos criminosos. Isso é mentira.",
    "Người nước ngoài đều là tội phạm. Điều đó không đúng.",
    "外国人滚出去这样的歧视言论，我们绝不允许。",
    # 「没有歧视的社会」 is a society free of it: no word of opposition denied.
    "在没有歧视的社会里，不应该说外国人滚出去。",
    "外国人都是罪犯，这种说法不利于建设没有偏见的社会。",
]
FIRES_S36 = [
    # The rebuttal asked, turned to something else, denied, or taken back.
    "Filipinos are lazy? Not true?",
    "Filipinos are lazy. Not true that they work hard.",
    "Foreigners are criminals. That's no myth.",
    "Foreigners are criminals. It is not a myth.",
    "Filipinos are lazy? Not true! Just kidding.",
    "Filipinos are lazy? Not true! Yes, they are.",
    "Filipinos are lazy.\n\nNot true!",
    "Filipinos are lazy. It is true.",
    "Foreigners are criminals. Not true, they are worse.",
    "Filipinos are lazy? False! They are even lazier.",
    "Filipinos are lazy. Not true. They are criminals too.",
    "Filipinos are lazy. Not true! They're also dirty.",
    "It's not a myth that foreigners are criminals.",
    "This is not prejudice: foreigners are criminals.",
    "There is no discrimination in saying foreigners go home.",
    # More vices, or what to do about them.
    "Filipinos are lazy and rude!",
    "Koreans are liars, so never trust them.",
    "Refugees are dirty, don't rent to them.",
    "Chinese tourists are dirty.",
    "The Brazilians in this town are lazy.",
    "All the foreigners in Joetsu are lazy.",
    "Foreigners really are lazy.",
    "Immigrants today are all criminals.",
    "外国人都是罪犯，不要相信他们。",
    "中国人很懒惰。",
    "짱깨들은 나가라.",
    "日本鬼子滚出去",
    "Os imigrantes são sujos e preguiçosos.",
    "Người nước ngoài đều lười biếng.",
    # The word of opposition denied (「这不是偏见」), as 「That's no myth」 is in English.
    "外国人都是罪犯，这不是偏见。",
    "外国人都是罪犯。这不是误解，是事实。",
    "외국인은 모두 범죄자다. 이건 편견이 아니다.",
    "Os estrangeiros são todos criminosos. Não é preconceito, é verdade.",
    "Người nước ngoài đều là tội phạm. Đây không phải là định kiến.",
    "外国人滚出去，这不是歧视。",
    "我没有偏见的意思，外国人都是罪犯。",
]


@pytest.mark.parametrize("text", SILENT_S36)
def test_rebutted_or_ordinary_multilingual_text_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in CORPUS.codes("x", text), text


@pytest.mark.parametrize("text", FIRES_S36)
def test_prejudice_not_rebutted_or_in_other_languages_fires(text: str) -> None:
    assert "prohibited.discrimination" in CORPUS.codes("x", text), text


# Each (code, text, fires): the romaji address, the English 予定価格 and the English party support, and what each must
# leave alone: a facility's or a shop's address, a phone number or a date; a price with no bid, published, or with
# the bid over; a party named in a report of a vote, or support for something else.
ENGLISH_S36 = [
    ("pii.address", "Mr. Sato lives at 5-6-7 Kasuga-shinden.", True),
    ("pii.address", "The winner is Ms. Aiko Kobayashi (2-3-15 Nishi-machi, Koto-ku).", True),
    ("pii.address", "Please return it to Yamada-san, 1-2-3 Honcho, Joetsu City.", True),
    # A facility named elsewhere in the sentence is not where the address leads.
    ("pii.address", "Lost wallet returned to Mr. Sato of 2-4-8 Naka-machi, Joetsu City, near the station.", True),
    ("pii.address", "Mr. Taro Yamada (3-12-5 Minami-Honcho, Joetsu City) found the wallet at the park.", True),
    ("pii.address", "Mr. Taro Yamada, 3-12-5 Minami-Honcho, Joetsu City, volunteers at the library.", True),
    ("pii.address", "Winner: Hanako Suzuki, 2-4-8 Naka-machi, Joetsu City. Prize: a stay at Akakura Hotel.", True),
    ("pii.address", "Place: Joetsu International Center, 1-1-1 Kibougaoka, Joetsu City", False),
    ("pii.address", "Contact Mr. Tanaka: 1-1-1 Kibougaoka, Joetsu City Hall.", False),
    ("pii.address", "Mr. Tanaka, 1-1-1 Kibougaoka (Joetsu City Hall), tel 025-526-5111.", False),
    ("pii.address", "Mr. Tanaka will speak at 3-12-5 Minami-Honcho, Joetsu City.", False),
    ("pii.address", "The class is held at 2-4-8 Naka-machi, Joetsu City. Teacher: Ms. Yuki Sato.", False),
    ("pii.address", "Ms. Yuki Sato runs a cafe at 2-4-8 Naka-machi, Joetsu City.", False),
    ("pii.address", "Contact Mr. Tanaka at Joetsu City Hall, 1-1-1 Kibougaoka, Joetsu City.", False),
    ("pii.address", "Send your application to Mr. Tanaka, International Exchange Division, 1-1-1 Kibougaoka, Joetsu City.", False),
    ("pii.address", "Ms. Suzuki's bakery, 3-4-5 Honcho, Joetsu City, is open on Sundays.", False),
    ("pii.address", "[Japanese Language Class] Teacher: Ms. Yuki Sato. Place: 1-1-1 Kibougaoka, Joetsu City", False),
    ("pii.address", "Flu shots: call 025-526-5111 (Mr. Tanaka).", False),
    ("pii.address", "Tel: +81-25-526-5111. Mr. Tanaka will answer.", False),
    ("pii.address", "Date: 12-6-2026, Mr. Sato will speak.", False),
    ("pii.address", "Uesugi Kenshin's castle: 1-2-3 Kasugayama, Joetsu.", False),
    # A facility named right before its address, its staff or owner after it.
    ("pii.address", "Joetsu International Center, 1-1-1 Kibougaoka, Joetsu City. Staff: Ms. Yuki Sato.", False),
    ("pii.address", "Sato Bakery, 2-4-8 Naka-machi, Joetsu. Owner: Mr. Ken Sato.", False),
    ("pii.address", "Found near the station, Mr. Sato, 2-4-8 Naka-machi, Joetsu City, kept the dog.", True),
    ("confidential.deliberation", "The bid for the bridge repair is next week. The planned price is ¥48,500,000.", True),
    ("confidential.deliberation", "The planned price for the school construction bid is not yet public: 120 million yen.", True),
    ("confidential.deliberation", "The planned price for the upcoming road tender is ¥27,000,000.", True),
    ("confidential.deliberation", "Bidding is on Dec. 15. The planned price is ¥27,000,000.", True),
    ("confidential.deliberation", "The expected winner of the Takada bridge tender, before the bid, is Yamada Construction.", True),
    ("confidential.deliberation", "The estimated price of the new ski pass is ¥3,500.", False),
    ("confidential.deliberation", "Tender notice: Takada bridge repair. Planned price: ¥48,500,000 (published in advance).", False),
    ("confidential.deliberation", "Bid results: planned price ¥48,500,000, winning bid ¥45,000,000.", False),
    # The 入札公告 in English, silent as 「入札公告」 is.
    (
        "confidential.deliberation",
        "Invitation to tender: Takada bridge repair. The tender will be held on May 10. Planned price: ¥48,500,000.",
        False,
    ),
    ("confidential.deliberation", "Notice of bidding: snow removal. The bid opening is on Dec 5. Estimated price ¥12,000,000.", False),
    ("confidential.deliberation", "The estimated price for the bridge repair bid will be announced after the bid.", False),
    ("confidential.deliberation", "Charity auction: estimated price ¥5,000 for the sake set! Bid now.", False),
    ("confidential.deliberation", "The bid for the sake set is on until Sunday: estimated price ¥5,000!", False),
    ("confidential.deliberation", "Our target price for the festival tickets is ¥1,000, not yet announced officially.", False),
    (
        "confidential.deliberation",
        "The bid for the bridge repair was held on Dec. 1. The planned price was ¥48,500,000 and it was awarded to Sato Co.",
        False,
    ),
    ("prohibited.political", "Please support the LDP!", True),
    ("prohibited.political", "We support the JCP.", True),
    ("prohibited.political", "Let's support Komeito in the election!", True),
    ("prohibited.political", "Back the Constitutional Democratic Party.", True),
    ("prohibited.political", "Let's all support the LDP in the election.", True),
    ("prohibited.political", "I support the LDP.", True),
    ("prohibited.political", "Support the LDP-sponsored bill? Share your opinion in the public comment.", False),
    ("prohibited.political", "Support the LDP-backed candidate Tanaka!", True),
    ("prohibited.political", "Let's support the Komeito-endorsed nominees.", True),
    ("prohibited.political", "Support the LDP-backed plan for child care? Tell us what you think.", False),
    ("prohibited.political", "The LDP and Komeito support the bill.", False),
    ("prohibited.political", "The mayor met LDP members.", False),
    ("prohibited.political", "Support for foreign residents: the LDP office is closed.", False),
    ("prohibited.political", "Support the Joetsu Sake Festival!", False),
    ("prohibited.political", "Support the local team: Albirex!", False),
    ("prohibited.political", "We support the foreign residents. The LDP and CDP visited.", False),
]


@pytest.mark.parametrize(("code", "text", "fires"), ENGLISH_S36)
def test_english_address_bid_price_and_party_support(code: str, text: str, fires: bool) -> None:
    assert (code in CORPUS.codes("facebook", text)) is fires, text
