"""Write the search relevance corpus, its judged queries and the synonym groups into ``bench/data/``.

    .venv/bin/python bench/make_relevance_corpus.py

The corpus is generated, deterministically, so that relevance can be judged from what each case is
about rather than from what its text happens to contain: every case is one practice (a topic
variant) in one community, and every variant declares the concepts it covers. A judged query names
concepts and optionally a community; its relevant cases are exactly the cases of that locale that
cover all its concepts (and are in that community). Before writing, the script checks that every
case shows evidence of each of its concepts in its text and that no other case does, so that the
templates and the judgements cannot drift apart.

Figures, names of programmes and results are illustrative, not facts about those communities; the
corpus is used by the benchmarks only and never shown on the site.
"""

import json
import random
import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 2013
CASES_PER_CITY = 5
CASES_PER_TOWN = 2
ENGLISH_SHARE = 0.55

# slug, region, nominative, genitive, locative with its preposition, adjective (feminine), English name
CITIES = [
    ("vinnytsia", "UA-05", "Вінниця", "Вінниці", "у Вінниці", "Вінницька", "Vinnytsia"),
    ("lutsk", "UA-07", "Луцьк", "Луцька", "у Луцьку", "Луцька", "Lutsk"),
    ("dnipro", "UA-12", "Дніпро", "Дніпра", "у Дніпрі", "Дніпровська", "Dnipro"),
    ("zhytomyr", "UA-18", "Житомир", "Житомира", "у Житомирі", "Житомирська", "Zhytomyr"),
    ("uzhhorod", "UA-21", "Ужгород", "Ужгорода", "в Ужгороді", "Ужгородська", "Uzhhorod"),
    ("zaporizhzhia", "UA-23", "Запоріжжя", "Запоріжжя", "у Запоріжжі", "Запорізька", "Zaporizhzhia"),
    (
        "ivano-frankivsk",
        "UA-26",
        "Івано-Франківськ",
        "Івано-Франківська",
        "в Івано-Франківську",
        "Івано-Франківська",
        "Ivano-Frankivsk",
    ),
    ("kyiv", "UA-30", "Київ", "Києва", "у Києві", "Київська", "Kyiv"),
    ("kropyvnytskyi", "UA-35", "Кропивницький", "Кропивницького", "у Кропивницькому", "Кропивницька", "Kropyvnytskyi"),
    ("lviv", "UA-46", "Львів", "Львова", "у Львові", "Львівська", "Lviv"),
    ("mykolaiv", "UA-48", "Миколаїв", "Миколаєва", "у Миколаєві", "Миколаївська", "Mykolaiv"),
    ("odesa", "UA-51", "Одеса", "Одеси", "в Одесі", "Одеська", "Odesa"),
    ("poltava", "UA-53", "Полтава", "Полтави", "у Полтаві", "Полтавська", "Poltava"),
    ("rivne", "UA-56", "Рівне", "Рівного", "у Рівному", "Рівненська", "Rivne"),
    ("sumy", "UA-59", "Суми", "Сум", "у Сумах", "Сумська", "Sumy"),
    ("ternopil", "UA-61", "Тернопіль", "Тернополя", "у Тернополі", "Тернопільська", "Ternopil"),
    ("kharkiv", "UA-63", "Харків", "Харкова", "у Харкові", "Харківська", "Kharkiv"),
    ("kherson", "UA-65", "Херсон", "Херсона", "у Херсоні", "Херсонська", "Kherson"),
    ("khmelnytskyi", "UA-68", "Хмельницький", "Хмельницького", "у Хмельницькому", "Хмельницька", "Khmelnytskyi"),
    ("cherkasy", "UA-71", "Черкаси", "Черкас", "у Черкасах", "Черкаська", "Cherkasy"),
    ("chernihiv", "UA-74", "Чернігів", "Чернігова", "у Чернігові", "Чернігівська", "Chernihiv"),
    ("chernivtsi", "UA-77", "Чернівці", "Чернівців", "у Чернівцях", "Чернівецька", "Chernivtsi"),
    ("kramatorsk", "UA-14", "Краматорськ", "Краматорська", "у Краматорську", "Краматорська", "Kramatorsk"),
    (
        "sievierodonetsk",
        "UA-09",
        "Сєвєродонецьк",
        "Сєвєродонецька",
        "у Сєвєродонецьку",
        "Сєвєродонецька",
        "Sievierodonetsk",
    ),
]
# Territorial communities of smaller towns. Queries that name only a place avoid the oblasts these
# are in, so that whether a town counts as "in" its oblast centre never decides a judgement.
TOWNS = [
    ("mukachevo", "UA-21", "Мукачево", "Мукачева", "у Мукачеві", "Мукачівська", "Mukachevo"),
    ("kremenchuk", "UA-53", "Кременчук", "Кременчука", "у Кременчуці", "Кременчуцька", "Kremenchuk"),
    ("kolomyia", "UA-26", "Коломия", "Коломиї", "у Коломиї", "Коломийська", "Kolomyia"),
    ("nizhyn", "UA-74", "Ніжин", "Ніжина", "у Ніжині", "Ніжинська", "Nizhyn"),
]

# Every topic: classifier categories, variants (each with the concepts it covers beyond the topic's
# own, and its texts), and texts shared by the variants. Ukrainian templates use {nom}, {gen}, {loc},
# {council}; English ones {city} and {council}; both use the case's figures ({pct}, {n_k}, ...).
# The subject of a sentence is the council (feminine) or a plural, never the city's name, so that
# verbs agree whatever the city.
TOPICS = {
    "tsnap": {
        "categories": ["e-services/administrative-services"],
        "variants": [
            {
                "concepts": ["transparent-office"],
                "uk": {
                    "title": "ЦНАП «Прозорий офіс» {loc}",
                    "summary": "{council} відкрила ЦНАП у форматі «прозорого офісу»: {n_services} послуг в одному "
                    "приміщенні, відкрита зала замість кабінетів і один адміністратор для кожного відвідувача.",
                    "solution": "Фронт-офіс і бек-офіс розділено: адміністратор ЦНАП приймає документи, а "
                    "спеціалісти управлінь опрацьовують їх в електронному вигляді. Зала має зону "
                    "самообслуговування й дитячий куточок.",
                    "tags": ["ЦНАП", "прозорий офіс"],
                },
                "en": {
                    "title": "Transparent office TsNAP in {city}",
                    "summary": "{council} opened a TsNAP in the transparent office format: {n_services} services "
                    "in one open hall instead of separate offices, and one administrator for each visitor.",
                    "solution": "Front office and back office are separated: the TsNAP administrator accepts "
                    "documents and the departments process them electronically. The hall has a self-service "
                    "area and a children's corner.",
                    "tags": ["TsNAP", "transparent office"],
                },
            },
            {
                "concepts": ["remote-workplaces"],
                "uk": {
                    "title": "Центр надання адміністративних послуг з віддаленими робочими місцями",
                    "summary": "Мешканці віддалених мікрорайонів {gen} отримують адміністративні послуги поруч із "
                    "домом: центр надання адміністративних послуг відкрив {n_points} віддалених робочих місць "
                    "у старостатах і бібліотеках.",
                    "solution": "Віддалені робочі місця з'єднано захищеним каналом з центральним офісом; "
                    "адміністратори працюють за графіком, який публікується на сайті міської ради.",
                    "tags": ["адміністративні послуги", "віддалені робочі місця"],
                },
                "en": {
                    "title": "Administrative service centre with remote workplaces in {city}",
                    "summary": "Residents of outlying neighbourhoods of {city} receive administrative services "
                    "close to home: the administrative service centre opened {n_points} remote workplaces in "
                    "starosta offices and libraries.",
                    "solution": "Remote workplaces are connected to the central office over a secure channel; "
                    "administrators work to a timetable published on the city council's website.",
                    "tags": ["administrative services", "remote workplaces"],
                },
            },
            {
                "concepts": ["mobile-tsnap"],
                "uk": {
                    "title": "Мобільний ЦНАП для маломобільних мешканців {gen}",
                    "summary": "Мобільний ЦНАП — валіза з ноутбуком, сканером відбитків пальців і принтером — "
                    "виїжджає до людей з інвалідністю та літніх мешканців {gen} за записом телефоном.",
                    "solution": "Мобільний офіс ЦНАП з мобільним інтернетом і захищеним доступом до реєстрів; "
                    "виїзди плануються щотижня за заявками соціальних служб.",
                    "tags": ["ЦНАП", "мобільний офіс", "інклюзія"],
                },
                "en": {
                    "title": "Mobile TsNAP for residents of {city} with limited mobility",
                    "summary": "A mobile TsNAP — a suitcase with a laptop, a fingerprint scanner and a printer — "
                    "visits people with disabilities and elderly residents of {city} who book by phone.",
                    "solution": "A mobile TsNAP office with mobile internet and secure access to the registers; "
                    "visits are planned weekly from the lists of the social services.",
                    "tags": ["TsNAP", "mobile office", "inclusion"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Щоб оформити субсидію, зареєструвати місце проживання чи отримати довідку, мешканцям "
                "доводилося обходити кілька установ у різних частинах міста.",
                "Документи приймали в кабінетах різних управлінь, графіки не збігалися, а люди не знали, "
                "куди звертатися по потрібну послугу.",
            ],
            "results": "За рік надано {n_k} тис. послуг; середній час обслуговування — {n_min} хвилин, "
            "кількість скарг зменшилася вдвічі.",
            "replication": "Потрібні приміщення на першому поверсі, навчені адміністратори та рішення ради про "
            "перелік послуг; орієнтовні витрати — {cost} тис. грн.",
            "indicator": ("Надано послуг за рік", "{n_k} тис."),
        },
        "en": {
            "problem": [
                "To apply for a housing subsidy, register a residence or get a certificate, residents had to "
                "visit several offices in different parts of the city.",
                "Documents were accepted in the offices of different departments with different hours, and "
                "people did not know where to go for a service.",
            ],
            "results": "{n_k} thousand services were provided in a year; an average visit takes {n_min} minutes "
            "and complaints halved.",
            "replication": "Ground-floor premises, trained administrators and a council decision on the list of "
            "services are needed; about UAH {cost} thousand.",
            "indicator": ("Services provided per year", "{n_k} thousand"),
        },
    },
    "equeue": {
        "categories": ["e-services/e-queue"],
        "variants": [
            {
                "concepts": ["tsnap"],
                "uk": {
                    "title": "Електронна черга до ЦНАП {gen}",
                    "summary": "Онлайн-запис і електронна черга до ЦНАП {gen}: мешканці обирають послугу й час "
                    "візиту на сайті або в терміналі, а табло викликає їх за номером.",
                    "solution": "Вебсервіс запису, термінали в залі ЦНАП, табло виклику та SMS-нагадування; "
                    "дані про завантаженість публікуються щодня.",
                    "tags": ["електронна черга", "ЦНАП", "онлайн-запис"],
                },
                "en": {
                    "title": "Electronic queue for the TsNAP of {city}",
                    "summary": "Online booking and an electronic queue for the TsNAP of {city}: residents choose "
                    "a service and a visit time online or at a kiosk, and a display calls them by number.",
                    "solution": "An online booking service, kiosks in the TsNAP hall, a calling display and SMS "
                    "reminders; daily load figures are published.",
                    "tags": ["electronic queue", "TsNAP", "online booking"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Електронна черга на особистий прийом до посадовців {gen}",
                    "summary": "{council} запровадила електронну чергу на особистий прийом до міського голови, "
                    "його заступників і керівників управлінь: запис на сайті, підтвердження електронною "
                    "поштою і нагадування напередодні.",
                    "solution": "Вебсервіс електронної черги з розкладом прийому кожного посадовця, "
                    "інтегрований з календарями приймальні.",
                    "tags": ["електронна черга", "особистий прийом"],
                },
                "en": {
                    "title": "Electronic queue for personal appointments with officials of {city}",
                    "summary": "{council} introduced an electronic queue for personal appointments with the mayor, "
                    "deputy mayors and heads of departments: booking online, confirmation by e-mail and a "
                    "reminder the day before.",
                    "solution": "An electronic queue web service with each official's reception hours, linked "
                    "to the reception office's calendars.",
                    "tags": ["electronic queue", "appointments"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Живі черги з самого ранку, списки на дверях і люди, які годинами чекають у коридорах.",
                "Відвідувачі не знали, скільки доведеться чекати, а частина з них так і не потрапляла на прийом.",
            ],
            "results": "Середній час очікування скоротився з {n_before} до {n_after} хвилин; {pct}% відвідувачів "
            "записуються заздалегідь.",
            "replication": "Потрібні термінал, табло та вебсервіс запису; програмне забезпечення можна взяти з "
            "відкритим кодом.",
            "indicator": ("Середній час очікування", "{n_after} хв"),
        },
        "en": {
            "problem": [
                "Physical queues from early morning, lists on doors and people waiting for hours in corridors.",
                "Visitors did not know how long they would wait, and some never got an appointment at all.",
            ],
            "results": "Average waiting time fell from {n_before} to {n_after} minutes; {pct}% of visitors book "
            "in advance.",
            "replication": "A kiosk, a display and an online booking service are needed; open-source software "
            "can be used.",
            "indicator": ("Average waiting time", "{n_after} min"),
        },
    },
    "petitions": {
        "categories": ["e-democracy/e-petitions"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Електронні петиції {loc}",
                    "summary": "Мешканці {gen} подають електронні петиції до міської ради: петиція, яка за "
                    "{n_days} днів набрала {n_sign} підписів, розглядається на засіданні виконавчого комітету.",
                    "solution": "Сервіс електронних петицій на сайті міської ради з авторизацією через BankID, "
                    "модерацією і публічною відповіддю міського голови.",
                    "tags": ["електронні петиції", "BankID"],
                },
                "en": {
                    "title": "Electronic petitions in {city}",
                    "summary": "Residents of {city} submit electronic petitions to the city council: a petition "
                    "that gathers {n_sign} signatures in {n_days} days is considered by the executive committee.",
                    "solution": "An electronic petitions service on the city council's website with BankID "
                    "sign-in, moderation and a public answer from the mayor.",
                    "tags": ["electronic petitions", "BankID"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Е-петиції: голос громади {gen}",
                    "summary": "{council} запустила сервіс е-петицій: кожна е-петиція, що набрала {n_sign} "
                    "підписів, отримує публічну відповідь, а хід її розгляду видно на сайті.",
                    "solution": "Платформа е-петицій з відкритим кодом на порталі міської ради; авторизація "
                    "через BankID, статуси розгляду й архів відповідей.",
                    "tags": ["е-петиції"],
                },
                "en": {
                    "title": "E-petitions: the voice of the {city} community",
                    "summary": "{council} launched an e-petitions service: every e-petition that gathers "
                    "{n_sign} signatures gets a public answer, and its progress is visible online.",
                    "solution": "An open-source e-petitions platform on the city council's portal; BankID "
                    "sign-in, review statuses and an archive of answers.",
                    "tags": ["e-petitions"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Пропозиції мешканців губилися в листуванні, а колективні ініціативи не мали зрозумілого шляху "
                "до сесії ради.",
                "Ініціативні групи збирали підписи на папері тижнями, і рада могла їх не розглядати.",
            ],
            "results": "За перший рік подано {n_pet} петицій, {n_supp} з них набрали потрібну кількість підписів; "
            "{n_done} вимог виконано.",
            "replication": "Потрібні положення про петиції, затверджене радою, і відповідальний за модерацію; "
            "платформу можна підключити безкоштовно.",
            "indicator": ("Петицій за рік", "{n_pet}"),
        },
        "en": {
            "problem": [
                "Residents' proposals got lost in correspondence, and collective initiatives had no clear way "
                "to the council session.",
                "Initiative groups collected signatures on paper for weeks, and the council could ignore them.",
            ],
            "results": "{n_pet} petitions were filed in the first year, {n_supp} gathered enough signatures; "
            "{n_done} demands were met.",
            "replication": "Regulations on petitions approved by the council and a moderator are needed; the "
            "platform can be connected free of charge.",
            "indicator": ("Petitions per year", "{n_pet}"),
        },
    },
    "budget": {
        "categories": ["e-democracy/participatory-budgeting"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Бюджет участі {gen}",
                    "summary": "Щороку {pct_small}% бюджету розвитку {gen} спрямовується на бюджет участі: "
                    "мешканці подають проєкти й голосують за них онлайн.",
                    "solution": "Онлайн-платформа для подання проєктів бюджету участі й голосування з "
                    "верифікацією через BankID; паперові бюлетені в бібліотеках для тих, хто не користується "
                    "інтернетом.",
                    "tags": ["бюджет участі", "голосування за проєкти"],
                },
                "en": {
                    "title": "Participatory budget of {city}",
                    "summary": "Every year {pct_small}% of the development budget of {city} goes to the "
                    "participatory budget: residents submit projects and vote for them online.",
                    "solution": "An online platform for submitting participatory budget projects and voting "
                    "with BankID verification; paper ballots in libraries for residents who do not use the "
                    "internet.",
                    "tags": ["participatory budget", "project voting"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Громадський бюджет {loc}",
                    "summary": "У громадському бюджеті {gen} мешканці самі вирішують, на що витратити "
                    "{n_mln} млн грн: сквери, спортивні майданчики, обладнання для шкіл.",
                    "solution": "Електронне голосування за проєкти громадського бюджету, карта реалізованих "
                    "проєктів і звіти виконавців на одному сайті.",
                    "tags": ["громадський бюджет"],
                },
                "en": {
                    "title": "Community budget in {city}",
                    "summary": "In the community budget of {city}, residents decide themselves how to spend "
                    "UAH {n_mln} million: small parks, sports grounds, equipment for schools.",
                    "solution": "Electronic voting for community budget projects, a map of completed projects "
                    "and contractors' reports on one website.",
                    "tags": ["community budget"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Мешканці не впливали на те, як витрачаються кошти на благоустрій їхніх районів, і не довіряли "
                "рішенням ради.",
                "Пропозиції мешканців щодо благоустрою роками лишалися без відповіді.",
            ],
            "results": "Подано {n_proj} проєктів, проголосувало {n_votes} тис. мешканців, реалізовано {n_done} "
            "проєктів.",
            "replication": "Потрібні положення, затверджене радою, онлайн-платформа голосування та інформаційна "
            "кампанія; перший цикл триває близько року.",
            "indicator": ("Проголосувало мешканців", "{n_votes} тис."),
        },
        "en": {
            "problem": [
                "Residents had no say in how money for improving their neighbourhoods was spent, and did not "
                "trust the council's decisions.",
                "Residents' proposals for their neighbourhoods went unanswered for years.",
            ],
            "results": "{n_proj} projects were submitted, {n_votes} thousand residents voted, {n_done} projects "
            "were carried out.",
            "replication": "Regulations approved by the council, an online voting platform and an information "
            "campaign are needed; the first cycle takes about a year.",
            "indicator": ("Residents who voted", "{n_votes} thousand"),
        },
    },
    "opendata": {
        "categories": ["openness/open-data"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Портал відкритих даних {gen}",
                    "summary": "{council} публікує {n_sets} наборів відкритих даних у машиночитаних форматах: "
                    "земельні ділянки, ремонти доріг, комунальне майно, дозволи.",
                    "solution": "Портал відкритих даних на CKAN з API, щотижневе оновлення наборів і розпорядження "
                    "про відповідальних за кожен набір.",
                    "tags": ["відкриті дані", "CKAN"],
                },
                "en": {
                    "title": "Open data portal of {city}",
                    "summary": "{council} publishes {n_sets} open data sets in machine-readable formats: land "
                    "plots, road repairs, municipal property, permits.",
                    "solution": "An open data portal on CKAN with an API, weekly updates and an order naming the "
                    "person responsible for each data set.",
                    "tags": ["open data", "CKAN"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Відкриті дані для розробників {loc}",
                    "summary": "Міська рада відкрила дані про комунальне майно, ремонти й дозволи, а місцеві "
                    "розробники створили на їхній основі {n_apps} застосунків для мешканців {gen}.",
                    "solution": "Набори відкритих даних публікуються на національному порталі data.gov.ua і на "
                    "міському сайті; для розробників щороку проводять хакатон.",
                    "tags": ["відкриті дані", "хакатон"],
                },
                "en": {
                    "title": "Open data for developers in {city}",
                    "summary": "The city council opened data on municipal property, repairs and permits, and "
                    "local developers built {n_apps} applications on it for the residents of {city}.",
                    "solution": "Open data sets are published on the national portal data.gov.ua and on the "
                    "city website; a hackathon for developers is held every year.",
                    "tags": ["open data", "hackathon"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Інформація про роботу міської влади була розпорошена по PDF-файлах і відповідях на запити.",
                "Журналісти й розробники місяцями чекали відповідей на запити про публічну інформацію.",
            ],
            "results": "Опубліковано {n_sets} наборів даних; кількість запитів на доступ до публічної інформації "
            "зменшилася на {pct}%.",
            "replication": "Потрібні розпорядження про перелік наборів, відповідальні особи в кожному підрозділі "
            "й портал (можна скористатися data.gov.ua).",
            "indicator": ("Опубліковано наборів", "{n_sets}"),
        },
        "en": {
            "problem": [
                "Information about the city administration's work was scattered across PDF files and answers "
                "to information requests.",
                "Journalists and developers waited months for answers to requests for public information.",
            ],
            "results": "{n_sets} data sets were published; information requests fell by {pct}%.",
            "replication": "An order listing the data sets, a responsible person in each department and a portal "
            "(data.gov.ua can be used) are needed.",
            "indicator": ("Data sets published", "{n_sets}"),
        },
    },
    "ehealth": {
        "categories": ["sectors/e-health"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "eHealth у міських поліклініках {gen}",
                    "summary": "Лікарні й поліклініки {gen} підключено до eHealth: електронні рецепти, "
                    "направлення та медичні записи пацієнтів доступні лікарю в один клік.",
                    "solution": "Медичні інформаційні системи, підключені до центральної бази eHealth; навчання "
                    "лікарів і медсестер, комп'ютер у кожному кабінеті.",
                    "tags": ["eHealth", "електронні рецепти"],
                },
                "en": {
                    "title": "eHealth in the city polyclinics of {city}",
                    "summary": "Hospitals and polyclinics of {city} are connected to eHealth: electronic "
                    "prescriptions, referrals and patients' medical records are one click away for a doctor.",
                    "solution": "Medical information systems connected to the central eHealth database; training "
                    "for doctors and nurses, a computer in every consulting room.",
                    "tags": ["eHealth", "e-prescriptions"],
                },
            },
            {
                "concepts": ["telemedicine"],
                "uk": {
                    "title": "Телемедицина для сільських амбулаторій громади {gen}",
                    "summary": "Електронна система охорони здоров'я громади {gen}: телемедицина дає змогу "
                    "фельдшерам сільських амбулаторій отримувати висновок кардіолога з міської лікарні за "
                    "кілька хвилин.",
                    "solution": "Телемедичні комплекти з кардіографом і спірометром в амбулаторіях, канал "
                    "зв'язку з міською лікарнею та лікарі-консультанти на зв'язку щодня.",
                    "tags": ["телемедицина", "амбулаторії"],
                },
                "en": {
                    "title": "Telemedicine for the rural outpatient clinics of the {city} community",
                    "summary": "E-health in the {city} community: telemedicine lets paramedics of rural "
                    "outpatient clinics get a cardiologist's opinion from the city hospital in minutes.",
                    "solution": "Telemedicine kits with an electrocardiograph and a spirometer in the clinics, a "
                    "link to the city hospital and doctors on duty to read the results.",
                    "tags": ["telemedicine", "outpatient clinics"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Паперові медичні картки губилися, а пацієнти по кілька разів приходили по направлення й "
                "результати аналізів.",
                "Лікарі не бачили історії хвороби пацієнта, якщо він лікувався в іншому закладі.",
            ],
            "results": "{pct}% лікарів працюють з електронними записами; кількість повторних візитів зменшилася "
            "на {pct2}%.",
            "replication": "Потрібні комп'ютери й інтернет у кабінетах, навчання персоналу та договір з "
            "постачальником медичної інформаційної системи.",
            "indicator": ("Лікарів з електронними записами", "{pct}%"),
        },
        "en": {
            "problem": [
                "Paper medical records got lost, and patients came back several times for referrals and test results.",
                "Doctors could not see a patient's history if the patient had been treated elsewhere.",
            ],
            "results": "{pct}% of doctors work with electronic records; repeat visits fell by {pct2}%.",
            "replication": "Computers and internet access in consulting rooms, staff training and a contract with "
            "a medical information system provider are needed.",
            "indicator": ("Doctors using electronic records", "{pct}%"),
        },
    },
    "procurement": {
        "categories": ["openness/e-procurement"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Усі закупівлі {gen} — через Prozorro",
                    "summary": "{council} проводить через Prozorro всі закупівлі, навіть допорогові, і аналізує "
                    "результати в модулі аналітики BI Prozorro.",
                    "solution": "Закупівлі комунальних підприємств і шкіл переведено на Prozorro; громадські "
                    "активісти стежать за тендерами через DOZORRO.",
                    "tags": ["Prozorro", "допорогові закупівлі"],
                },
                "en": {
                    "title": "All procurement of {city} through Prozorro",
                    "summary": "{council} runs all its procurement through Prozorro, even below the thresholds, "
                    "and analyses the results in the BI Prozorro analytics module.",
                    "solution": "Procurement of municipal enterprises and schools moved to Prozorro; civic "
                    "activists follow tenders through DOZORRO.",
                    "tags": ["Prozorro", "below-threshold procurement"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Прозорі закупівлі комунальних підприємств {gen}",
                    "summary": "Комунальні підприємства {gen} перейшли на електронні закупівлі: кожен тендер, "
                    "договір і зміна до нього публікуються відкрито.",
                    "solution": "Єдиний закупівельний відділ для всіх комунальних підприємств, електронні торги й "
                    "публікація звітів про виконання договорів.",
                    "tags": ["електронні закупівлі", "комунальні підприємства"],
                },
                "en": {
                    "title": "Transparent procurement of the municipal enterprises of {city}",
                    "summary": "Municipal enterprises of {city} moved to e-procurement: every tender, contract "
                    "and amendment is published openly.",
                    "solution": "One procurement department for all municipal enterprises, electronic auctions "
                    "and published reports on how contracts were fulfilled.",
                    "tags": ["e-procurement", "municipal enterprises"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Закупівлі проводилися за зачиненими дверима, ціни на однакові товари різнилися в рази.",
                "Постачальників обирали без конкуренції, а мешканці дізнавалися про ціни з журналістських "
                "розслідувань.",
            ],
            "results": "Економія на торгах — {n_mln} млн грн за рік, середня кількість учасників торгів зросла до "
            "{n_part}.",
            "replication": "Потрібні навчені уповноважені особи та політичне рішення проводити всі закупівлі відкрито.",
            "indicator": ("Економія за рік", "{n_mln} млн грн"),
        },
        "en": {
            "problem": [
                "Purchases were made behind closed doors, and prices for the same goods differed several times.",
                "Suppliers were chosen without competition, and residents learnt the prices from investigative "
                "journalists.",
            ],
            "results": "Savings of UAH {n_mln} million a year; the average number of bidders rose to {n_part}.",
            "replication": "Trained procurement officers and a political decision to make every purchase in the "
            "open are needed.",
            "indicator": ("Savings per year", "UAH {n_mln} million"),
        },
    },
    "gis": {
        "categories": ["e-administration/gis-cadastre"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Геоінформаційна система {gen}",
                    "summary": "{council} створила геоінформаційну систему міста: земельні ділянки, інженерні "
                    "мережі, дозволи на будівництво та ремонти доріг на одній карті.",
                    "solution": "Геоінформаційна система на відкритому програмному забезпеченні з публічним "
                    "картографічним порталом для мешканців і закритими шарами для служб.",
                    "tags": ["геоінформаційна система", "карта"],
                },
                "en": {
                    "title": "Geographic information system of {city}",
                    "summary": "{council} built a geographic information system of the city: land plots, "
                    "utility networks, building permits and road repairs on one map.",
                    "solution": "A geographic information system on open-source software with a public map "
                    "portal for residents and restricted layers for the city services.",
                    "tags": ["geographic information system", "map"],
                },
            },
            {
                "concepts": ["urban-planning"],
                "uk": {
                    "title": "Містобудівний кадастр і ГІС-портал {gen}",
                    "summary": "Містобудівний кадастр {gen} ведеться в ГІС: генеральний план, зонування та "
                    "детальні плани територій доступні кожному онлайн.",
                    "solution": "ГІС-портал із шарами генерального плану й зонування, пов'язаний з реєстром "
                    "будівельної діяльності.",
                    "tags": ["ГІС", "містобудівний кадастр", "генплан"],
                },
                "en": {
                    "title": "Urban planning cadastre and GIS portal of {city}",
                    "summary": "The urban planning cadastre of {city} is kept in a GIS: the master plan, zoning "
                    "and detailed plans are available to everyone online.",
                    "solution": "A GIS portal with master plan and zoning layers, linked to the register of "
                    "construction activity.",
                    "tags": ["GIS", "urban planning cadastre", "master plan"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Дані про землю, мережі та забудову зберігалися на паперових планшетах у різних службах і не "
                "збігалися між собою.",
                "Забудовники й мешканці тижнями чекали на викопіювання з планів міста.",
            ],
            "results": "Оцифровано {n_layers} шарів; час підготовки містобудівних умов скоротився з {n_before} до "
            "{n_after} днів.",
            "replication": "Потрібні геодезичні дані, ліцензія або відкрите програмне забезпечення для "
            "картографії і фахівець-картограф.",
            "indicator": ("Оцифровано шарів", "{n_layers}"),
        },
        "en": {
            "problem": [
                "Data on land, networks and buildings were kept on paper plans in different services and did "
                "not match.",
                "Developers and residents waited weeks for copies of the city plans.",
            ],
            "results": "{n_layers} layers were digitised; preparing planning conditions takes {n_after} days "
            "instead of {n_before}.",
            "replication": "Geodetic data, a licence or open-source mapping software and a cartographer are needed.",
            "indicator": ("Layers digitised", "{n_layers}"),
        },
    },
    "smartcity": {
        "categories": ["e-administration/city-dashboards"],
        "variants": [
            {
                "concepts": ["situation-centre"],
                "uk": {
                    "title": "Ситуаційний центр «Розумне місто» {loc}",
                    "summary": "{council} об'єднала диспетчерські служби, відеоспостереження й датчики в "
                    "ситуаційному центрі «Розумне місто»: аварії й відключення опрацьовуються в одному вікні.",
                    "solution": "Міська панель показників комунальних служб, GPS-моніторинг спецтехніки та "
                    "зв'язок з усіма диспетчерськими в ситуаційному центрі.",
                    "tags": ["розумне місто", "ситуаційний центр"],
                },
                "en": {
                    "title": "Smart City situation centre in {city}",
                    "summary": "{council} brought dispatch services, video surveillance and sensors together in "
                    "the Smart City situation centre: breakdowns and outages are handled in one place.",
                    "solution": "A city dashboard of the utility services, GPS tracking of service vehicles and "
                    "links to every dispatch office in the situation centre.",
                    "tags": ["smart city", "situation centre"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Концепція смарт-сіті {gen}",
                    "summary": "{council} затвердила концепцію смарт-сіті до {year_end} року: енергоощадне "
                    "освітлення з дистанційним керуванням, датчики якості повітря й міська аналітика.",
                    "solution": "Проєктний офіс смарт-сіті, пілотні датчики якості повітря та міська панель "
                    "показників.",
                    "tags": ["смарт-сіті", "якість повітря"],
                },
                "en": {
                    "title": "Smart city concept of {city}",
                    "summary": "{council} approved a smart city concept until {year_end}: remotely controlled "
                    "energy-saving street lighting, air quality sensors and city analytics.",
                    "solution": "A smart city project office, pilot air quality sensors and a city dashboard.",
                    "tags": ["smart city", "air quality"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Міські служби не бачили стану міста в реальному часі й реагували на аварії із запізненням.",
                "Дані комунальних служб зберігалися окремо, і керівники ухвалювали рішення наосліп.",
            ],
            "results": "Час реагування на аварії скоротився на {pct}%; на панелі — {n_ind} показників.",
            "replication": "Потрібні канали передачі даних від служб, команда аналітиків і поетапне впровадження.",
            "indicator": ("Показників на панелі", "{n_ind}"),
        },
        "en": {
            "problem": [
                "City services could not see the state of the city in real time and responded to breakdowns late.",
                "Utility data were kept apart, and managers decided blindly.",
            ],
            "results": "Response to breakdowns is {pct}% faster; the dashboard shows {n_ind} indicators.",
            "replication": "Data feeds from the services, a team of analysts and a step-by-step rollout are needed.",
            "indicator": ("Dashboard indicators", "{n_ind}"),
        },
    },
    "consultations": {
        "categories": ["e-democracy/e-consultations"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Електронні консультації з громадськістю {loc}",
                    "summary": "Проєкти рішень міської ради {gen} проходять електронні консультації: мешканці "
                    "коментують документи онлайн, а розробники звітують, які пропозиції враховано.",
                    "solution": "Модуль електронних консультацій на сайті міської ради з коментуванням окремих "
                    "пунктів документа і звітом про результати.",
                    "tags": ["електронні консультації", "проєкти рішень"],
                },
                "en": {
                    "title": "Electronic public consultations in {city}",
                    "summary": "Draft decisions of the city council of {city} go through electronic "
                    "consultations: residents comment on documents online, and the drafters report which "
                    "proposals they accepted.",
                    "solution": "An electronic consultations module on the city council's website with comments "
                    "on individual clauses and a report on the outcome.",
                    "tags": ["electronic consultations", "draft decisions"],
                },
            },
            {
                "concepts": ["surveys"],
                "uk": {
                    "title": "Онлайн-опитування мешканців {gen}",
                    "summary": "{council} регулярно проводить онлайн-опитування мешканців про транспорт, "
                    "благоустрій і пріоритети розвитку; результати публікуються разом з ухваленими рішеннями.",
                    "solution": "Платформа електронних консультацій та опитувань з верифікацією через BankID і "
                    "відкритими результатами.",
                    "tags": ["опитування", "консультації"],
                },
                "en": {
                    "title": "Online surveys of the residents of {city}",
                    "summary": "{council} regularly runs online surveys of residents on transport, public spaces "
                    "and development priorities; results are published with the decisions taken.",
                    "solution": "A platform for electronic consultations and surveys with BankID verification and "
                    "open results.",
                    "tags": ["surveys", "consultations"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Рішення ради готувалися без участі мешканців, а громадські слухання збирали кількох активістів.",
                "Мешканці дізнавалися про важливі рішення вже після їх ухвалення.",
            ],
            "results": "За рік проведено {n_cons} консультацій, отримано {n_prop} пропозицій, {pct}% з них враховано.",
            "replication": "Потрібні порядок проведення консультацій, затверджений виконкомом, і відповідальний за "
            "зворотний зв'язок.",
            "indicator": ("Пропозицій мешканців", "{n_prop}"),
        },
        "en": {
            "problem": [
                "Council decisions were drafted without residents, and public hearings drew a handful of activists.",
                "Residents learnt about important decisions only after they had been taken.",
            ],
            "results": "{n_cons} consultations in a year, {n_prop} proposals received, {pct}% of them taken into "
            "account.",
            "replication": "Consultation rules approved by the executive committee and a person responsible for "
            "feedback are needed.",
            "indicator": ("Residents' proposals", "{n_prop}"),
        },
    },
    "docflow": {
        "categories": ["e-administration/document-management"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Електронний документообіг у виконавчих органах {gen}",
                    "summary": "{council} перейшла на електронний документообіг: розпорядження, листи й доручення "
                    "підписуються кваліфікованим електронним підписом і не друкуються.",
                    "solution": "Система електронного документообігу, пов'язана з системою електронної взаємодії "
                    "органів влади; електронні підписи для всіх посадовців.",
                    "tags": ["електронний документообіг", "електронний підпис"],
                },
                "en": {
                    "title": "Electronic document management in the executive bodies of {city}",
                    "summary": "{council} moved to electronic document management: orders, letters and "
                    "instructions are signed with a qualified electronic signature and never printed.",
                    "solution": "An electronic document management system linked to the government's electronic "
                    "interaction system; electronic signatures for all officials.",
                    "tags": ["electronic document management", "electronic signature"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "СЕД «без паперу» {loc}",
                    "summary": "Усі структурні підрозділи міської ради {gen} працюють у СЕД: {pct}% документів "
                    "створюються й погоджуються тільки в електронному вигляді.",
                    "solution": "СЕД з маршрутами погодження, контролем строків і електронним архівом; "
                    "міжвідомчий обмін через СЕВ ОВВ.",
                    "tags": ["СЕД", "електронний архів"],
                },
                "en": {
                    "title": "Paperless EDMS in {city}",
                    "summary": "Every department of the city council of {city} works in the EDMS: {pct}% of "
                    "documents are drafted and approved only electronically.",
                    "solution": "An EDMS with approval routes, deadline control and an electronic archive; "
                    "exchange with government bodies through SEV OVV.",
                    "tags": ["EDMS", "electronic archive"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Папери тижнями ходили між кабінетами, а контроль виконання доручень вели в журналах.",
                "Шафи архіву переповнені, а пошук потрібного листа займав години.",
            ],
            "results": "Середній строк погодження документа скоротився з {n_before} до {n_after} днів; витрати на "
            "папір — на {pct2}%.",
            "replication": "Потрібні ліцензії системи, кваліфіковані електронні підписи для працівників і їхнє "
            "навчання.",
            "indicator": ("Строк погодження", "{n_after} дн."),
        },
        "en": {
            "problem": [
                "Papers travelled between offices for weeks, and the execution of instructions was tracked in "
                "paper logs.",
                "The archive cupboards were full, and finding a letter took hours.",
            ],
            "results": "Approving a document takes {n_after} days instead of {n_before}; paper costs fell by {pct2}%.",
            "replication": "System licences, qualified electronic signatures for staff and their training are needed.",
            "indicator": ("Approval time", "{n_after} days"),
        },
    },
    "wifi": {
        "categories": ["infrastructure/connectivity"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Безкоштовний Wi-Fi у тролейбусах і трамваях {gen}",
                    "summary": "У тролейбусах і трамваях {gen} працює безкоштовний Wi-Fi: пасажири дивляться "
                    "розклад і новини міста без мобільного інтернету.",
                    "solution": "Маршрутизатори з LTE-модемами в салонах, єдина сторінка авторизації з "
                    "інформацією міської ради.",
                    "tags": ["Wi-Fi", "громадський транспорт"],
                },
                "en": {
                    "title": "Free Wi-Fi in the trolleybuses and trams of {city}",
                    "summary": "Trolleybuses and trams of {city} have free Wi-Fi: passengers check timetables and "
                    "city news without mobile data.",
                    "solution": "Routers with LTE modems on board and one sign-in page with city council information.",
                    "tags": ["Wi-Fi", "public transport"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Wi-Fi у парках і на площах {gen}",
                    "summary": "{council} встановила точки безкоштовного Wi-Fi у парках, на площах і в "
                    "укриттях; мережа відкрита для всіх.",
                    "solution": "Точки доступу зовнішнього виконання, спільний з провайдерами канал зв'язку та "
                    "правила користування мережею.",
                    "tags": ["Wi-Fi", "публічний простір"],
                },
                "en": {
                    "title": "Wi-Fi in the parks and squares of {city}",
                    "summary": "{council} installed free Wi-Fi access points in parks, squares and shelters; the "
                    "network is open to everyone.",
                    "solution": "Outdoor access points, a connection shared with providers and network usage rules.",
                    "tags": ["Wi-Fi", "public space"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Мешканці та туристи не мали доступу до інтернету в публічних місцях.",
                "Частина родин не могла дозволити собі домашній інтернет.",
            ],
            "results": "Щодня до мережі підключається {n_users} тис. користувачів у {n_points} точках доступу.",
            "replication": "Потрібні точки доступу, канал зв'язку та правила користування; частину витрат можуть "
            "узяти на себе провайдери.",
            "indicator": ("Користувачів на день", "{n_users} тис."),
        },
        "en": {
            "problem": [
                "Residents and tourists had no internet access in public places.",
                "Some families could not afford home internet.",
            ],
            "results": "{n_users} thousand users a day connect at {n_points} access points.",
            "replication": "Access points, a connection and usage rules are needed; providers may cover part of "
            "the costs.",
            "indicator": ("Users per day", "{n_users} thousand"),
        },
    },
    "eticket": {
        "categories": ["sectors/transport"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Е-квиток у громадському транспорті {gen}",
                    "summary": "У громадському транспорті {gen} запроваджено е-квиток: проїзд оплачується "
                    "транспортною карткою, банківською карткою або смартфоном.",
                    "solution": "Валідатори в усіх салонах, автоматизована система обліку оплати проїзду, "
                    "персоналізовані е-квитки для пільговиків.",
                    "tags": ["е-квиток", "транспортна картка"],
                },
                "en": {
                    "title": "E-ticket in the public transport of {city}",
                    "summary": "Public transport of {city} introduced the e-ticket: fares are paid with a "
                    "transport card, a bank card or a smartphone.",
                    "solution": "Validators in every vehicle, an automated fare collection system and personal "
                    "e-tickets for concession holders.",
                    "tags": ["e-ticket", "transport card"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Електронний квиток і GPS-моніторинг транспорту {gen}",
                    "summary": "{council} запровадила електронний квиток і GPS-моніторинг автобусів: пасажири "
                    "бачать рух транспорту в застосунку, а місто — реальний пасажиропотік.",
                    "solution": "Електронний квиток на безконтактних картках, GPS-трекери й табло на зупинках.",
                    "tags": ["електронний квиток", "GPS-моніторинг"],
                },
                "en": {
                    "title": "Electronic ticket and GPS tracking of public transport in {city}",
                    "summary": "{council} introduced an electronic ticket and GPS tracking of buses: passengers "
                    "see vehicles in an app, and the city sees real passenger flows.",
                    "solution": "An electronic ticket on contactless cards, GPS trackers and displays at stops.",
                    "tags": ["electronic ticket", "GPS tracking"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Готівкова оплата проїзду була непрозорою, а місто не знало реального пасажиропотоку.",
                "Перевізники приховували виручку, а кількість пільговиків рахували приблизно.",
            ],
            "results": "Надходження від проїзду зросли на {pct}%; {pct2}% поїздок оплачується безготівково.",
            "replication": "Потрібні валідатори, процесинговий центр і договори з перевізниками; витрати "
            "окупаються за {n_years} роки.",
            "indicator": ("Безготівкових поїздок", "{pct2}%"),
        },
        "en": {
            "problem": [
                "Cash fares were opaque, and the city did not know its real passenger numbers.",
                "Operators hid their takings, and concession passengers were only estimated.",
            ],
            "results": "Fare revenue rose by {pct}%; {pct2}% of trips are paid without cash.",
            "replication": "Validators, a processing centre and contracts with operators are needed; it pays for "
            "itself in {n_years} years.",
            "indicator": ("Cashless trips", "{pct2}%"),
        },
    },
    "education": {
        "categories": ["sectors/e-education"],
        "variants": [
            {
                "concepts": ["kindergarten"],
                "uk": {
                    "title": "Електронна реєстрація дітей до дитячих садків {gen}",
                    "summary": "Батьки {gen} реєструють дитину до садочка онлайн і бачать, яке місце вона посідає "
                    "в списку на зарахування до обраного дитячого садка.",
                    "solution": "Онлайн-реєстрація з перевіркою пільг, публічні списки за кожним садком і "
                    "автоматичне повідомлення батькам про вільне місце.",
                    "tags": ["дитячі садки", "реєстрація дітей"],
                },
                "en": {
                    "title": "Online kindergarten enrolment in {city}",
                    "summary": "Parents in {city} register a child for kindergarten online and see the child's "
                    "place on the admission list of the chosen kindergarten.",
                    "solution": "Online registration with a check of benefits, public lists for every kindergarten "
                    "and automatic notice to parents when a place is free.",
                    "tags": ["kindergartens", "enrolment"],
                },
            },
            {
                "concepts": ["school-diary"],
                "uk": {
                    "title": "Електронний щоденник і журнал у школах {gen}",
                    "summary": "Школи {gen} ведуть електронні журнали, а батьки бачать оцінки, домашні завдання "
                    "й відвідування в електронному щоденнику.",
                    "solution": "Хмарний сервіс електронного журналу й щоденника, навчання вчителів і ноутбуки "
                    "для класних керівників.",
                    "tags": ["електронний щоденник", "школи"],
                },
                "en": {
                    "title": "Electronic gradebook and school diary in {city}",
                    "summary": "Schools of {city} keep electronic gradebooks, and parents see marks, homework "
                    "and attendance in an electronic school diary.",
                    "solution": "A cloud service for the gradebook and the diary, teacher training and laptops "
                    "for form teachers.",
                    "tags": ["electronic diary", "schools"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Батьки не знали, як розподіляються місця та як навчаються діти, а вчителі витрачали час на "
                "паперові журнали.",
                "Паперові списки й журнали відкривали простір для зловживань і помилок.",
            ],
            "results": "До системи підключено {n_inst} закладів освіти; {pct}% батьків користуються сервісом.",
            "replication": "Потрібні положення про порядок користування, підключення закладів до інтернету й "
            "навчання працівників.",
            "indicator": ("Закладів освіти", "{n_inst}"),
        },
        "en": {
            "problem": [
                "Parents did not know how places were allocated or how their children were doing, and teachers "
                "spent time on paper registers.",
                "Paper lists and registers left room for abuse and mistakes.",
            ],
            "results": "{n_inst} educational institutions are connected; {pct}% of parents use the service.",
            "replication": "Rules of use, internet access for the institutions and staff training are needed.",
            "indicator": ("Educational institutions", "{n_inst}"),
        },
    },
    "utilities": {
        "categories": ["sectors/utilities"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Електронний кабінет мешканця ЖКГ {gen}",
                    "summary": "Мешканці {gen} передають показники лічильників, бачать нарахування та подають "
                    "заявки на ремонт у кабінеті мешканця житлово-комунального господарства.",
                    "solution": "Кабінет мешканця, пов'язаний з базами постачальників послуг і диспетчерською ЖКГ.",
                    "tags": ["ЖКГ", "лічильники"],
                },
                "en": {
                    "title": "Residents' online account for housing and utilities in {city}",
                    "summary": "Residents of {city} submit meter readings, see their charges and file repair "
                    "requests in an online housing and utilities account.",
                    "solution": "A resident's account linked to the providers' databases and the housing "
                    "dispatch office.",
                    "tags": ["housing and utilities", "meters"],
                },
            },
            {
                "concepts": ["osbb"],
                "uk": {
                    "title": "Онлайн-платформа для ОСББ {gen}",
                    "summary": "Об'єднання співвласників багатоквартирних будинків {gen} ведуть облік, "
                    "голосування співвласників і звітність ОСББ на онлайн-платформі, яку підтримує міська рада.",
                    "solution": "Безкоштовна для ОСББ платформа обліку, онлайн-зборів і звітності з шаблонами "
                    "документів.",
                    "tags": ["ОСББ", "співвласники"],
                },
                "en": {
                    "title": "Online platform for homeowners' associations in {city}",
                    "summary": "Homeowners' associations (OSBB) of {city} keep their accounts, co-owners' votes "
                    "and reports on an online platform supported by the city council.",
                    "solution": "A platform for accounts, online meetings and reports with document templates, "
                    "free for homeowners' associations.",
                    "tags": ["OSBB", "homeowners' associations"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Мешканці не бачили, за що платять, а заявки на ремонт губилися в диспетчерських.",
                "Облік у будинках вели в зошитах, і мешканці не довіряли розрахункам.",
            ],
            "results": "До сервісу приєдналися {n_osbb} будинків і {n_k} тис. квартир.",
            "replication": "Потрібні дані від постачальників послуг і домовленість з управителями будинків.",
            "indicator": ("Будинків на платформі", "{n_osbb}"),
        },
        "en": {
            "problem": [
                "Residents could not see what they paid for, and repair requests got lost in dispatch offices.",
                "Buildings kept accounts in notebooks, and residents did not trust the figures.",
            ],
            "results": "{n_osbb} buildings and {n_k} thousand flats have joined.",
            "replication": "Data from the service providers and agreements with building managers are needed.",
            "indicator": ("Buildings on the platform", "{n_osbb}"),
        },
    },
    "requests": {
        "categories": ["e-services/citizen-requests"],
        "variants": [
            {
                "concepts": ["contact-centre"],
                "uk": {
                    "title": "Контактний центр міської ради {gen}",
                    "summary": "Єдиний контактний центр {gen}: звернення громадян приймаються телефоном, через "
                    "сайт і чат-бот, а кожне має виконавця й строк.",
                    "solution": "CRM для звернень громадян, карта проблем і публічна статистика звернень за районами.",
                    "tags": ["контактний центр", "звернення громадян"],
                },
                "en": {
                    "title": "Contact centre of the city council of {city}",
                    "summary": "One contact centre for {city}: citizens' requests come by phone, through the "
                    "website and a chatbot, and each has an assignee and a deadline.",
                    "solution": "A CRM for citizens' requests, a map of problems and public statistics of "
                    "requests by district.",
                    "tags": ["contact centre", "citizens' requests"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Електронні звернення громадян до міської ради {gen}",
                    "summary": "Мешканці {gen} подають звернення онлайн, стежать за їх розглядом в особистому "
                    "кабінеті й отримують відповідь електронною поштою.",
                    "solution": "Онлайн-форма звернення, особистий кабінет заявника й автоматична реєстрація "
                    "звернень у загальному відділі.",
                    "tags": ["звернення громадян", "особистий кабінет"],
                },
                "en": {
                    "title": "Electronic citizens' requests to the city council of {city}",
                    "summary": "Residents of {city} file citizens' requests online, follow them in a personal "
                    "account and get the answer by e-mail.",
                    "solution": "An online form for citizens' requests, a personal account for the applicant and "
                    "automatic registration of each request.",
                    "tags": ["citizens' requests", "personal account"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Звернення мешканців реєструвалися вручну, губилися між службами, а відповіді надходили із "
                "запізненням.",
                "Мешканці не знали, хто відповідає за їхню проблему і коли її вирішать.",
            ],
            "results": "Опрацьовано {n_k} тис. звернень, {pct}% вирішено в строк.",
            "replication": "Потрібні регламент розгляду, CRM-система та навчені оператори.",
            "indicator": ("Звернень за рік", "{n_k} тис."),
        },
        "en": {
            "problem": [
                "Citizens' requests were registered by hand and got lost between services; answers came late.",
                "Residents did not know who was responsible for their problem or when it would be solved.",
            ],
            "results": "{n_k} thousand citizens' requests were handled, {pct}% on time.",
            "replication": "Handling rules, a CRM system and trained operators are needed.",
            "indicator": ("Citizens' requests per year", "{n_k} thousand"),
        },
    },
    "council": {
        "categories": ["e-democracy/council-transparency"],
        "variants": [
            {
                "concepts": ["broadcasts"],
                "uk": {
                    "title": "Онлайн-трансляції сесій міської ради {gen}",
                    "summary": "Усі сесії й засідання комісій міської ради {gen} транслюються онлайн, а "
                    "результати поіменного голосування депутатів публікуються одразу після засідання.",
                    "solution": "Трансляції на сайті ради й на YouTube, архів засідань і поіменні результати "
                    "голосування у відкритому доступі.",
                    "tags": ["трансляції", "поіменне голосування"],
                },
                "en": {
                    "title": "Live broadcasts of the city council sessions of {city}",
                    "summary": "Every session and committee meeting of the city council of {city} is broadcast "
                    "live, and the roll-call votes of deputies are published right after the meeting.",
                    "solution": "Broadcasts on the council website and YouTube, an archive of meetings and "
                    "roll-call voting results in open access.",
                    "tags": ["broadcasts", "roll-call voting"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Електронна система поіменного голосування депутатів {gen}",
                    "summary": "Депутати міської ради {gen} голосують через електронну систему «Віче»: "
                    "поіменні результати кожного голосування відразу з'являються на сайті.",
                    "solution": "Пульти для депутатів із карткою-ідентифікатором, табло в сесійній залі та "
                    "вивантаження результатів поіменного голосування у відкритому форматі.",
                    "tags": ["поіменне голосування", "депутати"],
                },
                "en": {
                    "title": "Electronic roll-call voting system for the deputies of {city}",
                    "summary": "Deputies of the city council of {city} vote through the electronic Viche system: "
                    "the roll-call results of every vote appear on the website at once.",
                    "solution": "Voting consoles with identification cards, a display in the session hall and "
                    "roll-call results exported in an open format.",
                    "tags": ["roll-call voting", "deputies"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Мешканці не знали, як голосують обрані ними депутати.",
                "Протоколи сесій публікувалися із запізненням на тижні й без поіменних результатів.",
            ],
            "results": "Записи засідань переглянули {n_k} тис. разів; результати {n_sess} сесій опубліковано поіменно.",
            "replication": "Потрібні рішення ради про регламент, обладнання сесійної зали й відповідальний за "
            "публікацію.",
            "indicator": ("Сесій з поіменними результатами", "{n_sess}"),
        },
        "en": {
            "problem": [
                "Residents did not know how the deputies they elected voted.",
                "Session minutes were published weeks late and without individual votes.",
            ],
            "results": "Recordings of meetings were watched {n_k} thousand times; roll-call results of {n_sess} "
            "sessions were published.",
            "replication": "A council decision on the rules of procedure, equipment for the session hall and a "
            "person responsible for publication are needed.",
            "indicator": ("Sessions with roll-call results", "{n_sess}"),
        },
    },
    "openbudget": {
        "categories": ["openness/open-budget"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Відкритий бюджет {gen}",
                    "summary": "Доходи й видатки міського бюджету {gen} подано в зрозумілих інфографіках: "
                    "відкритий бюджет оновлюється щомісяця за даними казначейства.",
                    "solution": "Вебсайт відкритого бюджету з діаграмами доходів і видатків за програмами та "
                    "розпорядниками коштів.",
                    "tags": ["відкритий бюджет", "інфографіка"],
                },
                "en": {
                    "title": "Open budget of {city}",
                    "summary": "Revenue and spending of the city budget of {city} are shown in clear "
                    "infographics: the open budget is updated monthly from treasury data.",
                    "solution": "An open budget website with charts of revenue and spending by programme and "
                    "spending unit.",
                    "tags": ["open budget", "infographics"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Інтерактивна карта видатків {gen}",
                    "summary": "Кожен ремонт, придбання обладнання й будівництво за кошти міського бюджету "
                    "{gen} видно на карті: відкритий бюджет з адресами й сумами.",
                    "solution": "Карта видатків, що щодня отримує дані казначейства, з фільтрами за районами й "
                    "галузями.",
                    "tags": ["відкритий бюджет", "карта видатків"],
                },
                "en": {
                    "title": "Interactive spending map of {city}",
                    "summary": "Every repair, equipment purchase and construction paid from the city budget of "
                    "{city} is on a map: an open budget with addresses and amounts.",
                    "solution": "A spending map fed daily with treasury data, with filters by district and sector.",
                    "tags": ["open budget", "spending map"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Рішення про бюджет публікувалися сотнями сторінок таблиць, які мешканці не могли прочитати.",
                "Мешканці не знали, скільки коштує ремонт їхньої вулиці і хто його оплачує.",
            ],
            "results": "Сайт щомісяця відвідують {n_users} тис. людей; кількість запитів про видатки зменшилася на "
            "{pct}%.",
            "replication": "Потрібні вивантаження даних казначейства й фахівець, який підтримує сайт.",
            "indicator": ("Відвідувачів на місяць", "{n_users} тис."),
        },
        "en": {
            "problem": [
                "Budget decisions were published as hundreds of pages of tables residents could not read.",
                "Residents did not know what the repair of their street cost or who paid for it.",
            ],
            "results": "{n_users} thousand people visit the site monthly; questions about spending fell by {pct}%.",
            "replication": "Treasury data exports and a person who maintains the site are needed.",
            "indicator": ("Visitors per month", "{n_users} thousand"),
        },
    },
    "skills": {
        "categories": ["digital-skills"],
        "variants": [
            {
                "concepts": ["older-people"],
                "uk": {
                    "title": "Курси цифрової грамотності для людей старшого віку {loc}",
                    "summary": "Люди старшого віку {gen} безкоштовно вчаться користуватися смартфоном, "
                    "онлайн-банкінгом і державними електронними послугами на курсах цифрової грамотності.",
                    "solution": "Заняття в бібліотеках і центрах соціальних служб, волонтери-тренери зі "
                    "студентів, посібники великим шрифтом.",
                    "tags": ["цифрова грамотність", "люди старшого віку"],
                },
                "en": {
                    "title": "Digital literacy courses for older people in {city}",
                    "summary": "Older people in {city} learn free of charge to use a smartphone, online banking "
                    "and public e-services in digital literacy courses.",
                    "solution": "Classes in libraries and social service centres, student volunteers as trainers, "
                    "handouts in large print.",
                    "tags": ["digital literacy", "older people"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Цифрові хаби в бібліотеках {gen}",
                    "summary": "Бібліотеки {gen} стали цифровими хабами: комп'ютери, швидкий інтернет і "
                    "консультанти з цифрової грамотності для всіх охочих.",
                    "solution": "Обладнання в {n_points} бібліотеках, навчені бібліотекарі та програма занять з "
                    "цифрових навичок.",
                    "tags": ["цифрові навички", "бібліотеки"],
                },
                "en": {
                    "title": "Digital hubs in the libraries of {city}",
                    "summary": "Libraries of {city} became digital hubs: computers, fast internet and digital "
                    "literacy advisers for everyone.",
                    "solution": "Equipment in {n_points} libraries, trained librarians and a programme of digital "
                    "skills classes.",
                    "tags": ["digital skills", "libraries"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Значна частина мешканців не вміла користуватися електронними послугами і залежала від "
                "допомоги родичів.",
                "Вразливі групи мешканців опинилися відрізаними від послуг, що перейшли в онлайн.",
            ],
            "results": "Навчання пройшли {n_k} тис. мешканців; {pct}% з них користуються електронними послугами "
            "самостійно.",
            "replication": "Потрібні приміщення з комп'ютерами, тренери й навчальна програма (можна взяти "
            "національну).",
            "indicator": ("Пройшли навчання", "{n_k} тис."),
        },
        "en": {
            "problem": [
                "Many residents could not use electronic services and depended on relatives' help.",
                "Vulnerable groups were cut off from services that moved online.",
            ],
            "results": "{n_k} thousand residents were trained; {pct}% of them use electronic services on their own.",
            "replication": "Rooms with computers, trainers and a curriculum (the national one can be used) are needed.",
            "indicator": ("Residents trained", "{n_k} thousand"),
        },
    },
    "egov": {
        "categories": ["e-administration"],
        "variants": [
            {
                "concepts": [],
                "uk": {
                    "title": "Програма розвитку електронного врядування {gen}",
                    "summary": "{council} ухвалила програму розвитку електронного врядування на {year}–"
                    "{year_end} роки з показниками, бюджетом і відповідальними за кожен захід.",
                    "solution": "Робоча група з представників управлінь, аудит наявних інформаційних систем, "
                    "дорожня карта електронного врядування і щорічний публічний звіт.",
                    "tags": ["електронне врядування", "програма"],
                },
                "en": {
                    "title": "Electronic governance development programme of {city}",
                    "summary": "{council} adopted an electronic governance development programme for "
                    "{year}–{year_end} with indicators, a budget and a person responsible for each measure.",
                    "solution": "A working group of the departments, an audit of existing information systems, an "
                    "electronic governance road map and a public annual report.",
                    "tags": ["electronic governance", "programme"],
                },
            },
            {
                "concepts": [],
                "uk": {
                    "title": "Офіс е-врядування {gen}",
                    "summary": "{council} створила офіс е-врядування: {n_staff} фахівців координують цифрові "
                    "проєкти управлінь і навчають службовців.",
                    "solution": "Офіс е-врядування підпорядковано заступнику міського голови; кожен новий "
                    "цифровий проєкт проходить експертизу офісу.",
                    "tags": ["е-врядування", "цифрова трансформація"],
                },
                "en": {
                    "title": "E-governance office of {city}",
                    "summary": "{council} set up an e-governance office: {n_staff} specialists coordinate the "
                    "departments' digital projects and train civil servants.",
                    "solution": "The e-governance office reports to a deputy mayor; every new digital project is "
                    "reviewed by the office.",
                    "tags": ["e-governance", "digital transformation"],
                },
            },
        ],
        "uk": {
            "problem": [
                "Цифрові проєкти управлінь не були узгоджені між собою, а системи дублювали одна одну.",
                "Кожне управління купувало власні програми, які не обмінювалися даними.",
            ],
            "results": "Реалізовано {n_proj_small} проєктів; витрати на підтримку систем зменшилися на {pct2}%.",
            "replication": "Потрібні політична підтримка керівництва, невелика команда й щорічний звіт перед громадою.",
            "indicator": ("Реалізовано проєктів", "{n_proj_small}"),
        },
        "en": {
            "problem": [
                "The departments' digital projects were not coordinated, and systems duplicated one another.",
                "Every department bought its own software, and none of it exchanged data.",
            ],
            "results": "{n_proj_small} projects were completed; maintenance costs fell by {pct2}%.",
            "replication": "Political support from the leadership, a small team and an annual report to the "
            "community are needed.",
            "indicator": ("Projects completed", "{n_proj_small}"),
        },
    },
}

# A neutral closing sentence for the results, so that cases of one variant differ beyond figures.
CLOSINGS = {
    "uk": [
        "Практику представлено на обласному форумі місцевого самоврядування.",
        "Команда проєкту консультує інші громади, які хочуть повторити рішення.",
        "Проєкт підтримала міжнародна програма технічної допомоги.",
        "Наступний етап — поширення рішення на всю територіальну громаду.",
        "",
    ],
    "en": [
        "The practice was presented at a regional local government forum.",
        "The project team advises other communities that want to repeat it.",
        "The project was supported by an international technical assistance programme.",
        "The next step is to extend it to the whole territorial community.",
        "",
    ],
}

# What shows that a text is about a concept; the check before writing keeps tags and texts in step.
EVIDENCE = {
    "uk": {
        "tsnap": r"цнап|центр\w* надання адміністративних послуг",
        "transparent-office": r"прозор\w* офіс",
        "remote-workplaces": r"віддален\w* робоч",
        "mobile-tsnap": r"мобільн\w* цнап",
        "equeue": r"черг|черз",
        "petitions": r"петиці",
        "budget": r"бюджет\w* участі|громадськ\w* бюджет",
        "opendata": r"відкрит\w* дан",
        "ehealth": r"ehealth|охорони здоров|телемедиц",
        "telemedicine": r"телемедиц",
        "procurement": r"prozorro|закупів",
        "gis": r"гіс\b|гіс-|геоінформаційн",
        "urban-planning": r"містобудівн\w* кадастр",
        "smartcity": r"смарт-сіті|розумн\w* міст",
        "situation-centre": r"ситуаційн",
        "consultations": r"консультаці|опитуван",
        "surveys": r"опитуван",
        "docflow": r"документообіг|\bсед\b",
        "wifi": r"wi-fi",
        "eticket": r"квит",
        "education": r"садк|садоч|щоденник",
        "kindergarten": r"садк|садоч",
        "school-diary": r"щоденник",
        "utilities": r"осбб|лічильник|жкг",
        "osbb": r"осбб",
        "requests": r"звернен",
        "contact-centre": r"контактн\w* центр",
        "council": r"поіменн",
        "broadcasts": r"трансл",
        "openbudget": r"відкрит\w* бюджет",
        "skills": r"цифров\w* грамотн|цифров\w* навич",
        "older-people": r"старшого віку",
        "egov": r"електронн\w* врядуван|е-врядуван",
    },
    "en": {
        "tsnap": r"tsnap|administrative service cent",
        "transparent-office": r"transparent office",
        "remote-workplaces": r"remote workplace",
        "mobile-tsnap": r"mobile tsnap",
        "equeue": r"queue",
        "petitions": r"\bpetition",
        "budget": r"participatory budget|community budget",
        "opendata": r"open data",
        "ehealth": r"ehealth|e-health|telemedicine",
        "telemedicine": r"telemedicine",
        "procurement": r"prozorro|procurement",
        "gis": r"\bgis\b|geographic information",
        "urban-planning": r"urban planning",
        "smartcity": r"smart city",
        "situation-centre": r"situation centre",
        "consultations": r"consultation|survey",
        "surveys": r"survey",
        "docflow": r"document management|\bedms\b",
        "wifi": r"wi-fi",
        "eticket": r"ticket",
        "education": r"kindergarten|diary|gradebook",
        "kindergarten": r"kindergarten",
        "school-diary": r"diary",
        "utilities": r"\bmeter|homeowners|housing and utilities",
        "osbb": r"homeowners",
        "requests": r"citizens' request",
        "contact-centre": r"contact centre",
        "council": r"roll-call",
        "broadcasts": r"broadcast",
        "openbudget": r"open budget",
        "skills": r"digital literacy|digital skills",
        "older-people": r"older people",
        "egov": r"e-governance|electronic governance",
    },
}

# Cases the judged queries below need, whatever the shuffle gives: (community, topic).
REQUIRED_CASES = [
    ("zhytomyr", "equeue"),
    ("kharkiv", "opendata"),
    ("lviv", "budget"),
    ("lviv", "opendata"),
    ("kyiv", "opendata"),
    ("kharkiv", "budget"),
    ("odesa", "tsnap"),
    ("lutsk", "tsnap"),
    ("vinnytsia", "petitions"),
    ("ternopil", "gis"),
    ("dnipro", "eticket"),
    ("sumy", "consultations"),
]
# Communities whose cases are all translated, and the cases above, so that English queries naming
# them have something to find.
TRANSLATED_COMMUNITIES = {"vinnytsia", "kharkiv", "lviv", "dnipro", "kyiv", "odesa", "zaporizhzhia", "mykolaiv"}
# Cases that exist only in English (written for a donor's catalogue): the first cases of these
# communities after the Ukrainian ones, in topics they do not already have.
ENGLISH_ONLY_COMMUNITIES = ["kharkiv", "odesa", "chernivtsi", "rivne"]

# Judged queries: text, locale, kind, and what makes a case relevant: all of ``concepts`` and, if
# given, being in ``community``. Place-only queries avoid the oblasts in TOWNS (see above).
QUERIES = [
    # inflected: the words appear in the cases in other grammatical forms
    ("електронні черги Житомир", "uk", "inflected", ["equeue"], "zhytomyr"),
    ("електронною петицією", "uk", "inflected", ["petitions"], None),
    ("громадських бюджетів", "uk", "inflected", ["budget"], None),
    ("відкриті дані Харків", "uk", "inflected", ["opendata"], "kharkiv"),
    ("геоінформаційних систем", "uk", "inflected", ["gis"], None),
    ("ситуаційних центрів", "uk", "inflected", ["situation-centre"], None),
    ("телемедициною", "uk", "inflected", ["telemedicine"], None),
    ("садочки", "uk", "inflected", ["kindergarten"], None),
    ("трансляція засідань ради", "uk", "inflected", ["broadcasts"], None),
    ("мобільного ЦНАПу", "uk", "inflected", ["mobile-tsnap"], None),
    ("громадського бюджету Львова", "uk", "inflected", ["budget"], "lviv"),
    ("консультаціями в Сумах", "uk", "inflected", ["consultations"], "sumy"),
    ("об'єднанням співвласників", "uk", "inflected", ["osbb"], None),
    # transliterated: a Latin query for Ukrainian pages, or a Cyrillic query for English pages
    ("Vinnytsia", "uk", "transliterated", [], "vinnytsia"),
    ("Zhytomyr", "uk", "transliterated", [], "zhytomyr"),
    ("Zaporizhzhia", "uk", "transliterated", [], "zaporizhzhia"),
    ("Kyiv", "uk", "transliterated", [], "kyiv"),
    ("Lviv", "uk", "transliterated", [], "lviv"),
    ("Kharkiv", "uk", "transliterated", [], "kharkiv"),
    ("Ternopil", "uk", "transliterated", [], "ternopil"),
    ("Lutsk ЦНАП", "uk", "transliterated", ["tsnap"], "lutsk"),
    ("Вінниця", "en", "transliterated", [], "vinnytsia"),
    ("Харків", "en", "transliterated", [], "kharkiv"),
    ("Львів", "en", "transliterated", [], "lviv"),
    ("Дніпро", "en", "transliterated", [], "dnipro"),
    # typo: one wrong, missing or swapped letter in a word of six letters or more
    ("бюджет учсті", "uk", "typo", ["budget"], None),
    ("вдкриті дані", "uk", "typo", ["opendata"], None),
    ("геоінформаціна система", "uk", "typo", ["gis"], None),
    ("електронний документообг", "uk", "typo", ["docflow"], None),
    ("Тернопль", "uk", "typo", [], "ternopil"),
    ("Житомри", "uk", "typo", [], "zhytomyr"),
    ("телемедецина", "uk", "typo", ["telemedicine"], None),
    ("прозорі закупвілі", "uk", "typo", ["procurement"], None),
    ("ситуацийний центр", "uk", "typo", ["situation-centre"], None),
    ("partcipatory budget", "en", "typo", ["budget"], None),
    ("petitons", "en", "typo", ["petitions"], None),
    # synonym: relevant cases use another term for the same thing
    ("центр надання адміністративних послуг", "uk", "synonym", ["tsnap"], None),
    ("ЦНАП", "uk", "synonym", ["tsnap"], None),
    ("громадський бюджет", "uk", "synonym", ["budget"], None),
    ("бюджет участі", "uk", "synonym", ["budget"], None),
    ("е-врядування", "uk", "synonym", ["egov"], None),
    ("електронне врядування", "uk", "synonym", ["egov"], None),
    ("е-петиції", "uk", "synonym", ["petitions"], None),
    ("геоінформаційна система", "uk", "synonym", ["gis"], None),
    ("розумне місто", "uk", "synonym", ["smartcity"], None),
    ("Prozorro", "uk", "synonym", ["procurement"], None),
    ("е-квиток", "uk", "synonym", ["eticket"], None),
    ("e-petitions", "en", "synonym", ["petitions"], None),
    ("TsNAP", "en", "synonym", ["tsnap"], None),
    ("electronic governance", "en", "synonym", ["egov"], None),
    # english: English queries over English records
    ("participatory budget", "en", "english", ["budget"], None),
    ("open data portal", "en", "english", ["opendata"], None),
    ("electronic queue", "en", "english", ["equeue"], None),
    ("telemedicine", "en", "english", ["telemedicine"], None),
    ("urban planning cadastre", "en", "english", ["urban-planning"], None),
    ("smart city", "en", "english", ["smartcity"], None),
    ("public Wi-Fi", "en", "english", ["wifi"], None),
    ("electronic ticket public transport", "en", "english", ["eticket"], None),
    ("kindergarten enrolment", "en", "english", ["kindergarten"], None),
    ("document management", "en", "english", ["docflow"], None),
    ("roll-call voting", "en", "english", ["council"], None),
    ("digital literacy for older people", "en", "english", ["older-people"], None),
    ("open data Lviv", "en", "english", ["opendata"], "lviv"),
    ("participatory budget Kharkiv", "en", "english", ["budget"], "kharkiv"),
    # plain: the words appear as typed
    ("відкриті дані", "uk", "plain", ["opendata"], None),
    ("Wi-Fi", "uk", "plain", ["wifi"], None),
    ("електронна черга", "uk", "plain", ["equeue"], None),
    ("телемедицина", "uk", "plain", ["telemedicine"], None),
    ("цифрова грамотність", "uk", "plain", ["skills"], None),
    ("відкритий бюджет", "uk", "plain", ["openbudget"], None),
    ("контактний центр", "uk", "plain", ["contact-centre"], None),
    ("ОСББ", "uk", "plain", ["osbb"], None),
    ("поіменне голосування", "uk", "plain", ["council"], None),
    ("Одеса", "uk", "plain", [], "odesa"),
    # legacy: former or Russian-derived names of places
    ("Kiev", "en", "legacy", [], "kyiv"),
    ("Odessa", "en", "legacy", [], "odesa"),
    ("Lvov", "en", "legacy", [], "lviv"),
    ("Kharkov", "en", "legacy", [], "kharkiv"),
    ("Dnepropetrovsk", "en", "legacy", [], "dnipro"),
    ("Zaporozhye", "en", "legacy", [], "zaporizhzhia"),
    ("Nikolaev", "en", "legacy", [], "mykolaiv"),
    ("Kiev open data", "en", "legacy", ["opendata"], "kyiv"),
    ("Odessa", "uk", "legacy", [], "odesa"),
    ("Харьков", "uk", "legacy", [], "kharkiv"),
]

# Synonym groups as editors would keep them in the admin; one group may join both languages.
SYNONYMS = [
    ["ЦНАП", "центр надання адміністративних послуг", "TsNAP", "administrative service centre"],
    ["громадський бюджет", "бюджет участі", "participatory budget", "community budget"],
    ["е-врядування", "електронне врядування", "e-governance", "electronic governance"],
    ["е-петиції", "електронні петиції", "e-petitions", "electronic petitions"],
    ["ГІС", "геоінформаційна система", "GIS", "geographic information system"],
    ["смарт-сіті", "розумне місто", "smart city"],
    ["Prozorro", "прозорі закупівлі", "електронні закупівлі", "e-procurement"],
    ["е-квиток", "електронний квиток", "e-ticket", "electronic ticket"],
    ["СЕД", "електронний документообіг", "EDMS", "electronic document management"],
    ["eHealth", "електронна охорона здоров'я", "e-health"],
    ["ОСББ", "об'єднання співвласників багатоквартирних будинків", "OSBB", "homeowners' association"],
    ["Kyiv", "Kiev", "Київ"],
    ["Odesa", "Odessa", "Одеса"],
    ["Lviv", "Lvov", "Львів"],
    ["Kharkiv", "Kharkov", "Харків", "Харьков"],
    ["Dnipro", "Dnepropetrovsk", "Dnipropetrovsk", "Дніпро"],
    ["Zaporizhzhia", "Zaporozhye", "Запоріжжя"],
    ["Mykolaiv", "Nikolaev", "Миколаїв"],
]


def plural_safe(rng, low, high):
    """A number whose Ukrainian noun takes the genitive plural (5-20, or ending in 0 or 5-9)."""
    number = rng.randint(low, high)
    if number % 10 in (1, 2, 3, 4) and not 11 <= number % 100 <= 14:
        number += 5 - number % 10
    return number


def figures(rng, year):
    n_pet = plural_safe(rng, 40, 300)
    n_supp = plural_safe(rng, 5, 30)
    n_proj = plural_safe(rng, 40, 200)
    return {
        "year": year,
        "year_end": year + rng.choice((4, 5, 10)),
        "n_services": plural_safe(rng, 90, 250),
        "n_points": plural_safe(rng, 5, 19),
        "n_k": rng.randint(12, 180),
        "n_min": rng.randint(8, 19),
        "cost": rng.randrange(300, 1500, 50),
        "n_before": rng.randint(30, 90),
        "n_after": plural_safe(rng, 5, 19),
        "pct": rng.randint(20, 85),
        "pct2": rng.randint(10, 40),
        "pct_small": rng.choice((1, 2, 3, 5)),
        "n_days": rng.choice((60, 90)),
        "n_sign": rng.choice((250, 500, 750, 1000, 3000)),
        "n_pet": n_pet,
        "n_supp": n_supp,
        "n_done": plural_safe(rng, 5, max(5, n_supp)),
        "n_mln": rng.randint(5, 50),
        "n_proj": n_proj,
        "n_proj_small": plural_safe(rng, 5, 19),
        "n_votes": rng.randint(5, 60),
        "n_sets": plural_safe(rng, 30, 200),
        "n_apps": plural_safe(rng, 5, 15),
        "n_part": rng.randint(3, 6),
        "n_layers": plural_safe(rng, 10, 60),
        "n_ind": plural_safe(rng, 20, 120),
        "n_cons": plural_safe(rng, 5, 30),
        "n_prop": plural_safe(rng, 100, 900),
        "n_users": rng.randint(5, 40),
        "n_years": rng.randint(2, 4),
        "n_inst": plural_safe(rng, 40, 200),
        "n_osbb": plural_safe(rng, 30, 400),
        "n_sess": plural_safe(rng, 10, 40),
        "n_staff": plural_safe(rng, 5, 12),
    }


def allocate(rng):
    """(community, topic, variant index) of every Ukrainian case: the required ones, then a shuffled fill."""
    topics = list(TOPICS)
    communities = [(city, CASES_PER_CITY) for city in CITIES] + [(town, CASES_PER_TOWN) for town in TOWNS]
    taken = {(city, topic) for city, topic in REQUIRED_CASES}
    cycle = []
    for community, count in communities:
        have = [topic for city, topic in REQUIRED_CASES if city == community[0]]
        while len(have) < count:
            if not cycle:
                cycle = rng.sample(topics, len(topics))
            candidates = [topic for topic in cycle if (community[0], topic) not in taken]
            if not candidates:
                cycle += rng.sample(topics, len(topics))
                continue
            topic = candidates[0]
            cycle.remove(topic)
            taken.add((community[0], topic))
            have.append(topic)
    by_topic = {topic: 0 for topic in topics}
    allocation = []
    for community, _count in communities:
        for topic in sorted(topic for city, topic in taken if city == community[0]):
            variants = len(TOPICS[topic]["variants"])
            allocation.append((community, topic, by_topic[topic] % variants))
            by_topic[topic] += 1
    return allocation


def place_forms(community, language):
    slug, region, nominative, genitive, locative, adjective, english = community
    if language == "uk":
        return {
            "nom": nominative,
            "gen": genitive,
            "loc": locative,
            "council": f"{adjective} міська рада",
            "community": f"{adjective} міська територіальна громада",
        }
    return {"city": english, "council": f"{english} City Council", "community": f"{english} city territorial community"}


def record(community, topic_slug, variant_index, language, numbers, rng_choices):
    topic = TOPICS[topic_slug]
    variant = topic["variants"][variant_index][language]
    shared = topic[language]
    forms = place_forms(community, language)
    values = {**numbers, **forms}
    problem_index, closing_index = rng_choices
    results = shared["results"].format(**values)
    closing = CLOSINGS[language][closing_index]
    label, value = shared["indicator"]
    return {
        "key": f"{community[0]}-{topic_slug}",
        "locale": language,
        "title": variant["title"].format(**values),
        "summary": variant["summary"].format(**values),
        "problem": shared["problem"][problem_index],
        "solution": variant["solution"].format(**values),
        "results": f"{results} {closing}".strip(),
        "replication": shared["replication"].format(**values),
        "region": community[1],
        "community": forms["community"],
        "level": "city" if community in CITIES else "hromada",
        "organization": forms["council"],
        "year": numbers["year"],
        "categories": topic["categories"],
        "tags": variant["tags"],
        "indicators": [{"label": label, "value": value.format(**values)}],
    }


def concepts_of(topic_slug, variant_index):
    return {topic_slug, *TOPICS[topic_slug]["variants"][variant_index]["concepts"]}


def build():
    """The records, in file order, and the facts judgements need: key -> (community, concepts, locales)."""
    rng = random.Random(SEED)
    allocation = allocate(rng)
    records, facts = [], {}
    for community, topic, variant in allocation:
        numbers = figures(rng, rng.randint(2010, 2023))
        choices = (rng.randrange(2), rng.randrange(len(CLOSINGS["uk"])))
        translated = (
            community[0] in TRANSLATED_COMMUNITIES
            or (community[0], topic) in REQUIRED_CASES
            or rng.random() < ENGLISH_SHARE
        )
        languages = ["uk", "en"] if translated else ["uk"]
        for language in languages:
            records.append(record(community, topic, variant, language, numbers, choices))
        facts[records[-1]["key"]] = (community[0], concepts_of(topic, variant), set(languages))
    by_slug = {community[0]: community for community in CITIES + TOWNS}
    for slug in ENGLISH_ONLY_COMMUNITIES:
        topic = rng.choice([topic for topic in TOPICS if f"{slug}-{topic}" not in facts])
        variant = rng.randrange(len(TOPICS[topic]["variants"]))
        numbers = figures(rng, rng.randint(2010, 2023))
        choices = (rng.randrange(2), rng.randrange(len(CLOSINGS["en"])))
        records.append(record(by_slug[slug], topic, variant, "en", numbers, choices))
        facts[records[-1]["key"]] = (slug, concepts_of(topic, variant), {"en"})
    return records, facts


def check_evidence(records, facts):
    """Every case shows each of its concepts in its text, and no case shows a concept it is not tagged with."""
    problems = []
    for item in records:
        text = " ".join(str(item.get(name, "")) for name in ("title", "summary", "problem", "solution", "results"))
        text = (text + " " + item["replication"]).lower()
        concepts = facts[item["key"]][1]
        for concept, pattern in EVIDENCE[item["locale"]].items():
            found = re.search(pattern, text) is not None
            if found != (concept in concepts):
                state = "lacks" if concept in concepts else "mentions untagged"
                problems.append(f"{item['key']} ({item['locale']}) {state} {concept}")
    if problems:
        raise SystemExit("Texts and concepts disagree:\n" + "\n".join(problems))


def judge(facts):
    judged = []
    for text, locale, kind, concepts, community in QUERIES:
        relevant = sorted(
            key
            for key, (place, case_concepts, languages) in facts.items()
            if locale in languages and set(concepts) <= case_concepts and community in (None, place)
        )
        if not relevant:
            raise SystemExit(f"No relevant case for {text!r} ({locale})")
        judged.append({"query": text, "locale": locale, "relevant": relevant, "kind": kind})
    return judged


def main():
    records, facts = build()
    check_evidence(records, facts)
    queries = judge(facts)
    DATA_DIR.mkdir(exist_ok=True)
    with (DATA_DIR / "relevance-cases.jsonl").open("w", encoding="utf-8") as file:
        for item in records:
            file.write(json.dumps(item, ensure_ascii=False) + "\n")
    (DATA_DIR / "relevance-queries.json").write_text(
        json.dumps(queries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (DATA_DIR / "synonyms.json").write_text(json.dumps(SYNONYMS, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    uk = sum(item["locale"] == "uk" for item in records)
    kinds = {}
    for query in queries:
        kinds[query["kind"]] = kinds.get(query["kind"], 0) + 1
    print(f"{len(facts)} cases: {uk} Ukrainian records, {len(records) - uk} English; {len(queries)} queries {kinds}")


if __name__ == "__main__":
    main()
