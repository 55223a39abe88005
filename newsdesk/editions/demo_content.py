# ruff: noqa: E501 -- long prose strings are intended in this data module
"""Demo content for Newsdesk: "Le Courrier du Mékong", a fictional regional daily.

Pure data, no code: the paper, its sections, people, partner outlets, photos and stories,
in French, English and Vietnamese. Every story, person, club, company and quotation here is
invented; real places are used only as settings. ``newsdesk.editions.demo`` turns this
module into pages.
"""

PUBLISHER = {"fr": "Le Courrier du Mékong", "en": "The Mekong Courier", "vi": "Báo Mê Kông"}

TAGLINES = {
    "fr": "Le quotidien du delta, ouvert sur le monde",
    "en": "The daily of the delta, open to the world",
    "vi": "Nhật báo của đồng bằng, hướng ra thế giới",
}

# ---------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------

SECTIONS = [
    {
        "key": "international",
        "fr": {
            "title": "International",
            "slug": "international",
            "intro": "L’actualité de l’Asie du Sud-Est et du monde, vue depuis le delta du Mékong.",
        },
        "en": {
            "title": "World",
            "slug": "world",
            "intro": "News from Southeast Asia and beyond, seen from the Mekong delta.",
        },
        "vi": {
            "title": "Thế giới",
            "slug": "the-gioi",
            "intro": "Tin tức Đông Nam Á và thế giới, nhìn từ đồng bằng sông Cửu Long.",
        },
    },
    {
        "key": "politics",
        "fr": {
            "title": "Politique",
            "slug": "politique",
            "intro": "Élus, administration et décisions publiques qui façonnent la vie de la région.",
        },
        "en": {
            "title": "Politics",
            "slug": "politics",
            "intro": "Councils, local government and the public decisions that shape life in the region.",
        },
        "vi": {
            "title": "Chính trị",
            "slug": "chinh-tri",
            "intro": "Hoạt động của chính quyền, cơ quan dân cử và những quyết sách tác động đến đời sống người dân.",
        },
    },
    {
        "key": "economy",
        "fr": {
            "title": "Économie",
            "slug": "economie",
            "intro": "Agriculture, ports, entreprises et emploi : l’économie d’un delta en pleine mutation.",
        },
        "en": {
            "title": "Economy",
            "slug": "economy",
            "intro": "Farming, ports, companies and jobs in a delta economy that is changing fast.",
        },
        "vi": {
            "title": "Kinh tế",
            "slug": "kinh-te",
            "intro": "Nông nghiệp, cảng biển, doanh nghiệp và việc làm – nhịp đập kinh tế của đồng bằng.",
        },
    },
    {
        "key": "society",
        "fr": {
            "title": "Société",
            "slug": "societe",
            "intro": "Éducation, santé, transports et vie quotidienne dans les villes et les campagnes du delta.",
        },
        "en": {
            "title": "Society",
            "slug": "society",
            "intro": "Schools, health, transport and everyday life in the towns and villages of the delta.",
        },
        "vi": {
            "title": "Xã hội",
            "slug": "xa-hoi",
            "intro": "Giáo dục, y tế, giao thông và đời sống thường ngày ở thành thị lẫn nông thôn miền Tây.",
        },
    },
    {
        "key": "sport",
        "fr": {
            "title": "Sport",
            "slug": "sport",
            "intro": "Football, athlétisme, régates traditionnelles : tout le sport du delta et d’ailleurs.",
        },
        "en": {
            "title": "Sport",
            "slug": "sport",
            "intro": "Football, running, traditional boat racing and the rest of the delta’s sporting life.",
        },
        "vi": {
            "title": "Thể thao",
            "slug": "the-thao",
            "intro": "Bóng đá, điền kinh, đua ghe truyền thống và mọi hoạt động thể thao của miền Tây.",
        },
    },
    {
        "key": "culture",
        "fr": {
            "title": "Culture",
            "slug": "culture",
            "intro": "Théâtre, musique, cinéma et patrimoine d’une région aux multiples traditions.",
        },
        "en": {
            "title": "Culture",
            "slug": "culture",
            "intro": "Theatre, music, film and heritage from a region of many traditions.",
        },
        "vi": {
            "title": "Văn hóa",
            "slug": "van-hoa",
            "intro": "Sân khấu, âm nhạc, điện ảnh và di sản của một vùng đất giàu bản sắc.",
        },
    },
]

SUBSECTIONS = [
    {
        "key": "environment",
        "parent": "society",
        "fr": {
            "title": "Environnement",
            "slug": "environnement",
            "intro": "Le fleuve, le littoral et le climat : un delta en première ligne face aux changements.",
        },
        "en": {
            "title": "Environment",
            "slug": "environment",
            "intro": "River, coast and climate: a delta on the front line of environmental change.",
        },
        "vi": {
            "title": "Môi trường",
            "slug": "moi-truong",
            "intro": "Dòng sông, bờ biển và khí hậu – đồng bằng ở tuyến đầu của những biến đổi môi trường.",
        },
    },
]

# ---------------------------------------------------------------------------------------
# People, partner outlets, photos
# ---------------------------------------------------------------------------------------

AUTHORS = [
    {
        "key": "nguyen-viet-dung",
        "name": "Nguyễn Việt Dũng",
        "slug": "nguyen-viet-dung",
        "job_title": {
            "fr": "Rédacteur en chef adjoint, chargé de l’international",
            "en": "Deputy editor, world news",
            "vi": "Phó tổng biên tập, phụ trách tin quốc tế",
        },
        "bio": {
            "fr": "Ancien correspondant à Phnom Penh et à Vientiane, il suit depuis quinze ans les questions fluviales, frontalières et diplomatiques du bassin du Mékong.",
            "en": "A former correspondent in Phnom Penh and Vientiane, he has covered river, border and diplomatic affairs in the Mekong basin for fifteen years.",
            "vi": "Từng là phóng viên thường trú tại Phnom Penh và Viêng Chăn, anh theo dõi các vấn đề sông nước, biên giới và ngoại giao trong lưu vực Mê Kông suốt mười lăm năm.",
        },
    },
    {
        "key": "tran-thi-lan",
        "name": "Trần Thị Lan",
        "slug": "tran-thi-lan",
        "job_title": {
            "fr": "Cheffe du service Économie",
            "en": "Economy editor",
            "vi": "Trưởng ban Kinh tế",
        },
        "bio": {
            "fr": "Diplômée en économie agricole, elle couvre les ports, les coopératives et les exportations du delta, du champ jusqu’au conteneur.",
            "en": "Trained as an agricultural economist, she covers the delta’s ports, cooperatives and exports, from the field to the shipping container.",
            "vi": "Tốt nghiệp ngành kinh tế nông nghiệp, chị theo dõi cảng biển, hợp tác xã và xuất khẩu của đồng bằng, từ cánh đồng đến tận container.",
        },
    },
    {
        "key": "claire-dumont",
        "name": "Claire Dumont",
        "slug": "claire-dumont",
        "job_title": {
            "fr": "Reporter Société et Culture",
            "en": "Society and culture reporter",
            "vi": "Phóng viên Xã hội – Văn hóa",
        },
        "bio": {
            "fr": "Née à Lyon et installée à Cần Thơ depuis 2017, elle raconte en français et en anglais la vie quotidienne du delta, ses écoles, ses hôpitaux et ses scènes.",
            "en": "Born in Lyon and based in Cần Thơ since 2017, she writes in French and English about everyday life in the delta, its schools, hospitals and stages.",
            "vi": "Sinh ra ở Lyon và sống tại Cần Thơ từ năm 2017, chị viết bằng tiếng Pháp và tiếng Anh về đời sống thường ngày, trường học, bệnh viện và sân khấu miền Tây.",
        },
    },
    {
        "key": "le-minh-khoa",
        "name": "Lê Minh Khoa",
        "slug": "le-minh-khoa",
        "job_title": {
            "fr": "Journaliste Sport et Culture",
            "en": "Sport and culture reporter",
            "vi": "Phóng viên Thể thao – Văn hóa",
        },
        "bio": {
            "fr": "Ancien rameur de ghe ngo, il couvre le football, les courses sur route et les traditions musicales du Sud, de l’đờn ca tài tử au cải lương.",
            "en": "A former ghe ngo rower, he covers football, road running and the musical traditions of the South, from đờn ca tài tử to cải lương.",
            "vi": "Từng là tay chèo ghe ngo, anh theo dõi bóng đá, chạy bộ và các loại hình âm nhạc truyền thống Nam Bộ, từ đờn ca tài tử đến cải lương.",
        },
    },
    {
        "key": "pham-thu-ha",
        "name": "Phạm Thu Hà",
        "slug": "pham-thu-ha",
        "job_title": {
            "fr": "Journaliste Environnement",
            "en": "Environment correspondent",
            "vi": "Phóng viên Môi trường",
        },
        "bio": {
            "fr": "Elle parcourt le delta depuis dix ans pour raconter l’intrusion saline, l’érosion des berges et les communautés qui s’adaptent au climat.",
            "en": "She has spent a decade travelling the delta to report on salt intrusion, riverbank erosion and the communities adapting to a changing climate.",
            "vi": "Mười năm rong ruổi khắp đồng bằng, chị viết về xâm nhập mặn, sạt lở bờ sông và những cộng đồng đang thích ứng với biến đổi khí hậu.",
        },
    },
]

SOURCES = [
    {"key": "mientay-news", "name": "Miền Tây News", "home_url": "https://mientay-news.example"},
    {
        "key": "saigon-daily-wire",
        "name": "Saigon Daily Wire",
        "home_url": "https://saigon-dailywire.example",
    },
    {
        "key": "mekong-river-bulletin",
        "name": "Mekong River Bulletin",
        "home_url": "https://mekong-bulletin.example",
    },
    {
        "key": "agence-asie-pacifique",
        "name": "Agence Asie-Pacifique",
        "home_url": "https://agence-asiepacifique.example",
    },
]

IMAGES = [
    {
        "key": "mekong-dawn",
        "title": "The Hậu river at dawn, Cần Thơ",
        "alt": {
            "fr": "Le fleuve au lever du jour, des barques de pêcheurs se découpant à contre-jour.",
            "en": "The river at sunrise, with fishing boats silhouetted against the light.",
            "vi": "Dòng sông lúc bình minh, những chiếc xuồng đánh cá in bóng ngược sáng.",
        },
        "caption": {
            "fr": "Le bras du Hậu, à Cần Thơ, au lever du jour.",
            "en": "The Hậu branch of the Mekong at Cần Thơ, at first light.",
            "vi": "Sông Hậu đoạn chảy qua Cần Thơ lúc rạng sáng.",
        },
        "credit": "Photo: Nguyen Van An/Mekong Courier",
        "colors": ["#1d4e89", "#f2a541"],
        "label": "MEKONG",
    },
    {
        "key": "floating-market",
        "title": "Morning trade at the Cái Răng floating market",
        "alt": {
            "fr": "Des barques chargées de fruits se pressent sur le marché flottant.",
            "en": "Boats loaded with fruit crowd together on the floating market.",
            "vi": "Những chiếc ghe chở đầy trái cây san sát trên chợ nổi.",
        },
        "caption": {
            "fr": "Pastèques, ananas et pamplemousses sur le marché flottant de Cái Răng.",
            "en": "Watermelons, pineapples and pomelos on sale at the Cái Răng floating market.",
            "vi": "Dưa hấu, khóm và bưởi được bày bán trên chợ nổi Cái Răng.",
        },
        "credit": "Photo: Tran Minh Chau/Mekong Courier",
        "colors": ["#0f7173", "#f0c808"],
        "label": "MARKET",
    },
    {
        "key": "rice-harvest",
        "title": "Rice harvest in the delta",
        "alt": {
            "fr": "Des riziculteurs coupent le riz mûr dans une rizière dorée.",
            "en": "Farmers cutting ripe rice in a golden paddy field.",
            "vi": "Nông dân gặt lúa chín trên cánh đồng vàng óng.",
        },
        "caption": {
            "fr": "Récolte d’hiver-printemps dans une rizière du delta.",
            "en": "The winter-spring harvest in a delta paddy field.",
            "vi": "Thu hoạch lúa vụ đông xuân trên cánh đồng miền Tây.",
        },
        "credit": "Photo: Le Thi Hoa/Mekong Courier",
        "colors": ["#3a5a40", "#e9c46a"],
        "label": "RICE",
    },
    {
        "key": "port-cranes",
        "title": "Container cranes at the Cái Cui terminal",
        "alt": {
            "fr": "Des portiques chargent des conteneurs sur un cargo à quai.",
            "en": "Gantry cranes loading containers onto a docked cargo ship.",
            "vi": "Cần cẩu đang bốc xếp container lên tàu hàng tại cầu cảng.",
        },
        "caption": {
            "fr": "Chargement de conteneurs frigorifiques au terminal de Cái Cui.",
            "en": "Refrigerated containers being loaded at the Cái Cui terminal.",
            "vi": "Bốc xếp container lạnh tại cảng Cái Cui.",
        },
        "credit": "Photo: Nguyen Van An/Mekong Courier",
        "colors": ["#264653", "#e76f51"],
        "label": "PORT",
    },
    {
        "key": "council-hall",
        "title": "City council chamber, Cần Thơ",
        "alt": {
            "fr": "Une salle de conseil avec des rangées de pupitres et des élus en séance.",
            "en": "A council chamber with rows of desks and members in session.",
            "vi": "Hội trường với những dãy bàn và các đại biểu đang họp.",
        },
        "caption": {
            "fr": "Séance du conseil municipal dans la grande salle de l’hôtel de ville.",
            "en": "A session in the main chamber of the city hall.",
            "vi": "Một phiên họp tại hội trường lớn của thành phố.",
        },
        "credit": "Photo: Vo Hoang Yen/Mekong Courier",
        "colors": ["#6d2e46", "#d5b9b2"],
        "label": "COUNCIL",
    },
    {
        "key": "river-summit",
        "title": "Delegates sign a river agreement",
        "alt": {
            "fr": "Des délégués signent un document autour d’une table, devant une carte du fleuve.",
            "en": "Delegates sign a document at a table in front of a map of the river.",
            "vi": "Các đại biểu ký văn kiện bên bàn, phía sau là bản đồ dòng sông.",
        },
        "caption": {
            "fr": "Signature d’un accord régional sur le fleuve, à Cần Thơ.",
            "en": "A regional river agreement being signed in Cần Thơ.",
            "vi": "Lễ ký kết một thỏa thuận khu vực về dòng sông tại Cần Thơ.",
        },
        "credit": "Photo: Nguyen Van An/Mekong Courier",
        "colors": ["#22333b", "#c6ac8f"],
        "label": "ACCORD",
    },
    {
        "key": "mangrove-forest",
        "title": "Young mangroves on the Cà Mau coast",
        "alt": {
            "fr": "De jeunes palétuviers alignés dans la vase à marée basse.",
            "en": "Rows of young mangrove trees in the mud at low tide.",
            "vi": "Những hàng cây đước non mọc trên bãi bùn lúc triều xuống.",
        },
        "caption": {
            "fr": "Jeunes palétuviers replantés sur le littoral de la pointe de Cà Mau.",
            "en": "Replanted mangrove saplings on the coast at the tip of Cà Mau.",
            "vi": "Rừng đước non được trồng lại ven biển mũi Cà Mau.",
        },
        "credit": "Photo: Pham Thu Ha/Mekong Courier",
        "colors": ["#1b4332", "#95d5b2"],
        "label": "MANGROVE",
    },
    {
        "key": "stadium",
        "title": "Sports ground under floodlights",
        "alt": {
            "fr": "Un terrain de sport éclairé par des projecteurs, tribunes pleines.",
            "en": "A floodlit sports ground with full stands.",
            "vi": "Sân thi đấu rực đèn, khán đài kín người.",
        },
        "caption": {
            "fr": "Soir de match à Cần Thơ, devant des tribunes combles.",
            "en": "Match night in Cần Thơ, in front of packed stands.",
            "vi": "Đêm thi đấu tại Cần Thơ trước khán đài chật kín.",
        },
        "credit": "Photo: Ly Quoc Thinh/Mekong Courier",
        "colors": ["#14213d", "#fca311"],
        "label": "STADIUM",
    },
    {
        "key": "boat-race",
        "title": "Ghe ngo racing boats on the Maspéro river",
        "alt": {
            "fr": "Une longue pirogue et ses dizaines de rameurs filent sur la rivière.",
            "en": "A long racing canoe crewed by dozens of rowers speeds along the river.",
            "vi": "Chiếc ghe ngo dài với hàng chục tay chèo lướt nhanh trên sông.",
        },
        "caption": {
            "fr": "Une pirogue ghe ngo lancée à pleine vitesse lors de la fête d’Oóc Om Bóc.",
            "en": "A ghe ngo canoe at full speed during the Oóc Om Bóc festival.",
            "vi": "Ghe ngo tăng tốc trong lễ hội Oóc Om Bóc.",
        },
        "credit": "Photo: Danh Thanh Son/Mekong Courier",
        "colors": ["#7b2cbf", "#ffba08"],
        "label": "REGATTA",
    },
    {
        "key": "stage",
        "title": "Performers on stage in Cần Thơ",
        "alt": {
            "fr": "Des comédiens en costumes colorés sous les projecteurs d’une scène.",
            "en": "Actors in colourful costumes under stage lights.",
            "vi": "Các nghệ sĩ trong trang phục rực rỡ dưới ánh đèn sân khấu.",
        },
        "caption": {
            "fr": "Sur la scène du théâtre de Tây Đô.",
            "en": "On stage at the Tây Đô theatre.",
            "vi": "Trên sân khấu nhà hát Tây Đô.",
        },
        "credit": "Photo: Tran Minh Chau/Mekong Courier",
        "colors": ["#9d0208", "#ffd166"],
        "label": "THEATRE",
    },
    {
        "key": "classroom",
        "title": "Children reading in a classroom",
        "alt": {
            "fr": "Des enfants penchés sur des livres, assis à des pupitres en bois.",
            "en": "Children bent over books at wooden desks.",
            "vi": "Các em nhỏ chăm chú đọc sách bên những chiếc bàn gỗ.",
        },
        "caption": {
            "fr": "Heure de lecture dans une école du district de Phong Điền.",
            "en": "Reading time at a school in Phong Điền district.",
            "vi": "Giờ đọc sách tại một trường học ở huyện Phong Điền.",
        },
        "credit": "Photo: Vo Hoang Yen/Mekong Courier",
        "colors": ["#0077b6", "#90e0ef"],
        "label": "SCHOOL",
    },
    {
        "key": "solar-pumps",
        "title": "Solar panels powering a village water station",
        "alt": {
            "fr": "Des panneaux solaires sur un toit, au-dessus d’une cuve d’eau et d’un canal.",
            "en": "Solar panels on a roof above a water tank and a canal.",
            "vi": "Tấm pin mặt trời trên mái nhà, bên dưới là bồn nước và con kênh.",
        },
        "caption": {
            "fr": "Une station de pompage solaire dans un hameau de Trà Vinh.",
            "en": "A solar pumping station in a hamlet of Trà Vinh.",
            "vi": "Trạm bơm nước dùng năng lượng mặt trời tại một ấp ở Trà Vinh.",
        },
        "credit": "Photo: Pham Thu Ha/Mekong Courier",
        "colors": ["#023e8a", "#ffdd00"],
        "label": "SOLAR",
    },
]

# ---------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------

ARTICLES = [
    # ----------------------------------------------------------------- French edition
    {
        "key": "fr-ferry-phnom-penh",
        "lang": "fr",
        "section": "international",
        "kicker": "Transport fluvial",
        "title": "Cần Thơ et Phnom Penh de nouveau reliées par le fleuve",
        "slug": "can-tho-phnom-penh-liaison-fluviale",
        "lede": "Après cinq ans d’interruption, une ligne régulière de bateaux rapides relie à nouveau les deux villes. Le trajet dure désormais moins de huit heures.",
        "published": "2025-02-14T08:20",
        "updated": "2025-02-14T15:05",
        "authors": ["nguyen-viet-dung"],
        "tags": ["transport fluvial", "cambodge", "tourisme"],
        "image": "mekong-dawn",
        "source": {
            "source": "agence-asie-pacifique",
            "url": "https://agence-asiepacifique.example/depeches/2025/02/mekong-ligne-fluviale-phnom-penh.html",
            "relation": "based_on",
        },
        "featured": True,
        "body": [
            (
                "paragraph",
                "Le premier départ a eu lieu vendredi à 6 h 30 depuis l’embarcadère de Ninh Kiều. À bord du <i>Sao Mai 2</i>, un catamaran de 80 places, une soixantaine de passagers : commerçants, étudiants cambodgiens rentrant chez eux et quelques touristes européens venus tester l’itinéraire.",
            ),
            (
                "paragraph",
                "La compagnie Phù Sa Express, qui exploite la ligne, prévoit trois rotations par semaine jusqu’en juin, puis un départ quotidien si la demande suit. Les formalités de frontière sont effectuées au poste fluvial de Vĩnh Xương, où un guichet dédié a été aménagé pour limiter l’attente.",
            ),
            ("heading", "Un pari sur le tourisme lent"),
            (
                "paragraph",
                "Le bus reste moins cher et plus rapide, mais les opérateurs misent sur une clientèle qui préfère le fleuve à la route : voyageurs au long cours, retraités, familles en visite chez des proches installés de l’autre côté de la frontière.",
            ),
            (
                "quote",
                {
                    "quote": "Nous ne vendons pas seulement un billet. Nous vendons huit heures de paysages que l’on ne voit nulle part ailleurs.",
                    "attribution": "Đoàn Thị Mỹ Linh, directrice commerciale de Phù Sa Express",
                },
            ),
            (
                "paragraph",
                "Les autorités provinciales espèrent que la ligne soulagera aussi le transport de marchandises légères, aujourd’hui concentré sur la route nationale 91, souvent saturée aux heures de pointe.",
            ),
            (
                "fact_box",
                {
                    "title": "La ligne en bref",
                    "items": [
                        "Durée du trajet : 7 h 45 environ",
                        "Prix : 1 450 000 dongs l’aller simple",
                        "Trois départs par semaine jusqu’en juin",
                        "Poste frontière : Vĩnh Xương (An Giang)",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-forum-riz-sel",
        "lang": "fr",
        "section": "international",
        "kicker": "Sécurité alimentaire",
        "title": "À Cần Thơ, sept pays cherchent un riz capable de résister au sel",
        "slug": "forum-riz-resistant-sel-can-tho",
        "lede": "Chercheurs et agronomes d’Asie et d’Afrique de l’Ouest se sont réunis trois jours pour partager leurs semences expérimentales… et leurs échecs.",
        "published": "2025-06-11T09:45",
        "updated": None,
        "authors": ["tran-thi-lan"],
        "tags": ["riz", "recherche", "salinité", "coopération"],
        "image": "rice-harvest",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Dans l’amphithéâtre de l’université de Cần Thơ, les échanges se faisaient en anglais, en français et parfois à l’aide de grandes photos de rizières brûlées par le sel. Du Bangladesh au Sénégal, les délégations partagent le même constat : la mer avance plus vite que la sélection variétale.",
            ),
            (
                "paragraph",
                "Les équipes vietnamiennes ont présenté trois lignées expérimentales capables de supporter jusqu’à 6 grammes de sel par litre pendant le tallage. Leurs collègues sénégalais, venus de la vallée de la Casamance, ont décrit des essais comparables sur des variétés locales à cycle court.",
            ),
            ("heading", "Partager les semences, pas seulement les résultats"),
            (
                "quote",
                {
                    "quote": "Pendant des années, chacun a gardé ses lignées dans son coin. C’est la première fois que l’on parle d’échanger réellement des graines.",
                    "attribution": "Awa Diallo, agronome venue de Ziguinchor",
                },
            ),
            (
                "paragraph",
                "Un accord de principe prévoit la création d’une banque de semences partagée, hébergée à Cần Thơ, avec un double conservé à Dakar. Les modalités juridiques, notamment la propriété intellectuelle des lignées, doivent encore être négociées d’ici à la fin de l’année.",
            ),
            (
                "fact_box",
                {
                    "title": "Le forum en chiffres",
                    "items": [
                        "7 pays représentés",
                        "112 chercheurs et techniciens",
                        "36 variétés présentées",
                        "Prochaine édition prévue à Dakar en 2026",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-budget-digues",
        "lang": "fr",
        "section": "politics",
        "kicker": "Conseil municipal",
        "title": "Le budget 2025 de Cần Thơ fait la part belle aux digues",
        "slug": "budget-2025-can-tho-digues",
        "lede": "Les élus ont adopté un budget en hausse de 8 %, dont près d’un quart est consacré à la protection des berges et à la lutte contre les inondations.",
        "published": "2025-01-17T18:30",
        "updated": "2025-01-18T09:10",
        "authors": ["nguyen-viet-dung", "tran-thi-lan"],
        "tags": ["budget", "conseil municipal", "inondations"],
        "image": "council-hall",
        "source": None,
        "featured": True,
        "body": [
            (
                "paragraph",
                "La séance a duré plus de six heures, mais le vote a été acquis à une large majorité. Le conseil municipal de Cần Thơ a adopté jeudi soir un budget de fonctionnement et d’investissement en hausse de 8 % par rapport à 2024.",
            ),
            (
                "paragraph",
                "Le poste qui progresse le plus concerne les ouvrages hydrauliques : renforcement de 14 kilomètres de berges, réfection des vannes de marée et installation de capteurs de niveau d’eau dans les canaux du centre-ville.",
            ),
            ("heading", "Les districts ruraux réclament leur part"),
            (
                "paragraph",
                "Plusieurs élus des districts de Thốt Nốt et de Vĩnh Thạnh ont regretté que l’essentiel des travaux se concentre sur Ninh Kiều et Cái Răng. La commission des finances a promis un examen des besoins ruraux avant l’été.",
            ),
            (
                "quote",
                {
                    "quote": "Une digue en ville protège des milliers de personnes. Mais un pont effondré à la campagne coupe un village entier du reste du monde.",
                    "attribution": "Huỳnh Văn Tâm, élu du district de Vĩnh Thạnh",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Où va l’argent ?",
                    "items": [
                        "24 % : protection des berges et drainage",
                        "19 % : écoles et santé",
                        "15 % : routes et ponts ruraux",
                        "42 % : fonctionnement et autres postes",
                    ],
                },
            ),
            (
                "paragraph",
                "Le budget doit encore être transmis aux autorités centrales, une étape généralement formelle. Les premiers appels d’offres pour les travaux de berges sont attendus en mars.",
            ),
        ],
    },
    {
        "key": "fr-guichet-numerique",
        "lang": "fr",
        "section": "politics",
        "kicker": "Administration",
        "title": "Actes de naissance, permis : un guichet numérique dans chaque quartier",
        "slug": "guichet-numerique-quartiers",
        "lede": "La ville généralise des points d’accueil où des agents aident les habitants à effectuer leurs démarches en ligne, tablette en main.",
        "published": "2025-08-05T07:50",
        "updated": None,
        "authors": ["claire-dumont"],
        "tags": ["administration", "numérique", "services publics"],
        "image": "council-hall",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Dans le hall du comité populaire du quartier d’An Khánh, une file d’attente s’est formée dès l’ouverture. Au bout, pas de guichetier derrière une vitre, mais deux jeunes agents assis à côté des usagers, tablette en main.",
            ),
            (
                "paragraph",
                "Le dispositif, testé depuis mars dans quatre quartiers, est désormais étendu à l’ensemble de la ville. Il s’adresse d’abord aux personnes âgées et à celles qui ne disposent pas de smartphone.",
            ),
            ("heading", "Moins de papier, plus d’accompagnement"),
            (
                "paragraph",
                "Selon la mairie, le délai moyen pour obtenir un extrait d’acte de naissance est passé de cinq jours à moins de vingt-quatre heures. Les agents reconnaissent toutefois que les coupures de réseau restent fréquentes dans les zones rurales, où il faut parfois revenir le lendemain.",
            ),
            (
                "quote",
                {
                    "quote": "Mon fils vit à Hô Chi Minh-Ville. Avant, je devais attendre qu’il rentre pour remplir les formulaires. Aujourd’hui, je suis venue seule.",
                    "attribution": "Bà Sáu, 71 ans, habitante d’An Khánh",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Démarches disponibles",
                    "items": [
                        "Extraits d’actes de naissance et de mariage",
                        "Déclaration de résidence temporaire",
                        "Permis de construire simplifié",
                        "Inscription à l’école primaire",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-terminal-cai-cui",
        "lang": "fr",
        "section": "economy",
        "kicker": "Logistique",
        "title": "Le terminal de Cái Cui franchit le cap du million de tonnes en un trimestre",
        "slug": "terminal-cai-cui-record-trimestre",
        "lede": "Porté par les exportations de produits aquatiques et de riz, le port de Cần Thơ enregistre un trafic inédit depuis sa mise en service.",
        "published": "2025-04-08T10:15",
        "updated": None,
        "authors": ["tran-thi-lan"],
        "tags": ["port", "exportations", "logistique"],
        "image": "port-cranes",
        "source": {
            "source": "agence-asie-pacifique",
            "url": "https://agence-asiepacifique.example/economie/2025/04/cai-cui-record-trimestre.html",
            "relation": "republished",
        },
        "featured": False,
        "body": [
            (
                "paragraph",
                "Le chiffre a été annoncé lundi par la direction du terminal : 1,04 million de tonnes de marchandises manutentionnées entre janvier et mars, soit une hausse de 22 % sur un an. Une première depuis la mise en service du quai principal.",
            ),
            (
                "paragraph",
                "Les conteneurs frigorifiques de crevettes et de pangasius représentent près d’un tiers du volume. Le riz en sacs, longtemps dominant, continue de progresser, mais à un rythme plus lent.",
            ),
            ("heading", "Le goulet du chenal"),
            (
                "paragraph",
                "Le principal frein reste l’accès maritime. Le chenal de l’embouchure du Hậu limite le tirant d’eau des navires, obligeant une partie des cargaisons à être transbordée vers les ports de la région de Hô Chi Minh-Ville.",
            ),
            (
                "quote",
                {
                    "quote": "Chaque conteneur qui part directement d’ici, c’est une journée de camion en moins et un coût que les producteurs du delta n’ont plus à payer.",
                    "attribution": "Lý Quốc Bảo, directeur adjoint du terminal",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Trafic du premier trimestre",
                    "items": [
                        "1,04 million de tonnes au total",
                        "+22 % sur un an",
                        "31 % de produits aquatiques réfrigérés",
                        "Trois nouvelles lignes régulières vers Singapour et Port Klang",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-vergers-bio",
        "lang": "fr",
        "section": "economy",
        "kicker": "Agriculture",
        "title": "Les vergers de Phong Điền misent sur la certification biologique",
        "slug": "vergers-phong-dien-certification-bio",
        "lede": "Une coopérative de 46 familles a obtenu un label biologique pour ses ramboutans et ses mangoustans, et ouvre ainsi la porte des supermarchés japonais.",
        "published": "2025-07-22T08:00",
        "updated": None,
        "authors": ["tran-thi-lan"],
        "tags": ["agriculture", "fruits", "exportations", "bio"],
        "image": "floating-market",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Il a fallu trois ans de conversion, des dizaines d’analyses de sol et beaucoup de patience. Depuis juillet, la coopérative Mỹ Khánh Xanh peut apposer sur ses fruits un label biologique reconnu à l’international.",
            ),
            (
                "paragraph",
                "Les producteurs ont renoncé aux pesticides de synthèse au profit de pièges à insectes, de canards qui désherbent les allées et d’un compost fabriqué avec les déchets des marchés de la ville.",
            ),
            ("heading", "Des prix plus élevés, des rendements en baisse"),
            (
                "paragraph",
                "La récolte a diminué d’environ 15 % pendant la période de conversion. En contrepartie, un importateur d’Osaka s’est engagé à acheter 120 tonnes par an à un prix supérieur de 40 % à celui du marché local. Trois autres coopératives du district ont déjà demandé à visiter les vergers pour s’inspirer de la démarche.",
            ),
            (
                "quote",
                {
                    "quote": "Mon père traitait ses arbres toutes les semaines. Moi, je passe mes matinées à observer les feuilles. C’est un autre métier.",
                    "attribution": "Võ Thanh Hải, 34 ans, membre de la coopérative",
                },
            ),
            (
                "fact_box",
                {
                    "title": "La coopérative Mỹ Khánh Xanh",
                    "items": [
                        "46 familles, 58 hectares de vergers",
                        "Ramboutans, mangoustans et longanes",
                        "Premier conteneur pour le Japon prévu en septembre",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-bateaux-bibliotheques",
        "lang": "fr",
        "section": "society",
        "kicker": "Éducation",
        "title": "Des bateaux-bibliothèques pour les enfants des canaux",
        "slug": "bateaux-bibliotheques-enfants-canaux",
        "lede": "Deux anciennes barques de transport de riz sillonnent désormais les arroyos de Phong Điền avec des milliers de livres à bord.",
        "published": "2025-10-03T07:30",
        "updated": None,
        "authors": ["claire-dumont"],
        "tags": ["éducation", "lecture", "enfance"],
        "image": "classroom",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Le moteur s’arrête, la coque vient doucement toucher la berge, et une dizaine d’enfants accourent pieds nus. Chaque mardi, le <i>Thuyền Chữ</i> – « la barque des lettres » – accoste devant l’école primaire de Nhơn Ái.",
            ),
            (
                "paragraph",
                "L’idée est venue de Nguyễn Thị Bích, institutrice à la retraite, qui a racheté avec une association deux barques en bois promises à la casse. Repeintes en bleu, équipées d’étagères étanches et de panneaux solaires pour l’éclairage, elles transportent chacune environ 2 500 ouvrages.",
            ),
            ("heading", "Des livres en vietnamien, en khmer et en anglais"),
            (
                "paragraph",
                "Le fonds comprend des albums illustrés, des cahiers de soutien scolaire et une petite collection en khmer pour les familles de la communauté khmère du district voisin. Chaque enfant peut emprunter deux livres pour une semaine.",
            ),
            (
                "quote",
                {
                    "quote": "Ici, beaucoup d’enfants n’ont jamais possédé un livre à eux. Quand ils le rapportent avec une histoire à raconter, on sait que ça marche.",
                    "attribution": "Nguyễn Thị Bích, fondatrice du projet",
                },
            ),
            (
                "image",
                {
                    "image": "classroom",
                    "caption": "Lecture à voix haute après une escale du Thuyền Chữ, à Nhơn Ái.",
                    "credit": "",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Le projet en bref",
                    "items": [
                        "2 bateaux, environ 5 000 livres",
                        "14 escales par semaine",
                        "Plus de 900 jeunes lecteurs inscrits",
                        "Financement : dons privés et subvention municipale",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-cliniques-flottantes",
        "lang": "fr",
        "section": "society",
        "kicker": "Santé",
        "title": "Les cliniques flottantes reprennent leurs tournées dans les îlots du Hậu",
        "slug": "cliniques-flottantes-ilots-hau",
        "lede": "Médecins et infirmières embarquent chaque semaine pour consulter dans des hameaux accessibles uniquement par bateau.",
        "published": "2025-05-20T09:00",
        "updated": "2025-05-21T08:15",
        "authors": ["claire-dumont"],
        "tags": ["santé", "îles", "accès aux soins"],
        "image": "mekong-dawn",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Sur le pont d’une vedette de l’hôpital général, on a improvisé une salle d’attente avec deux bancs et un parasol. À l’intérieur : une table d’examen, un échographe portable et une armoire à médicaments arrimée au plancher.",
            ),
            (
                "paragraph",
                "L’équipe, composée d’un médecin généraliste, de deux infirmières et d’une sage-femme, visite à tour de rôle six îlots du fleuve où vivent près de 4 000 personnes. Pour beaucoup, le centre de santé le plus proche se trouve à quarante minutes de barque.",
            ),
            ("heading", "La prévention avant tout"),
            (
                "paragraph",
                "Tension artérielle, diabète, suivi des grossesses : l’essentiel des consultations relève de la prévention. Les cas graves sont évacués vers Cần Thơ grâce à une convention passée avec des bateliers locaux, indemnisés par la province.",
            ),
            (
                "quote",
                {
                    "quote": "Les gens ne viennent pas nous voir parce qu’ils sont malades. Ils viennent parce que nous sommes là. C’est justement ce qui permet de détecter les problèmes tôt.",
                    "attribution": "Dr Trương Minh Nhật, médecin de l’équipe",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Les tournées",
                    "items": [
                        "6 îlots desservis",
                        "Environ 180 consultations par semaine",
                        "Une sage-femme à bord depuis avril",
                        "Un numéro d’urgence joignable 24 h/24",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-mangrove-ca-mau",
        "lang": "fr",
        "section": "environment",
        "kicker": "Littoral",
        "title": "À Cà Mau, la mangrove regagne du terrain grâce aux pêcheurs",
        "slug": "ca-mau-mangrove-pecheurs",
        "lede": "Un programme de replantation piloté par les habitants a permis de restaurer 300 hectares de forêt côtière en deux ans.",
        "published": "2025-03-12T06:45",
        "updated": None,
        "authors": ["pham-thu-ha"],
        "tags": ["mangrove", "littoral", "climat"],
        "image": "mangrove-forest",
        "source": {
            "source": "mekong-river-bulletin",
            "url": "https://mekong-bulletin.example/environment/2025/03/ca-mau-mangrove-replanting.html",
            "relation": "translated",
        },
        "featured": False,
        "body": [
            (
                "paragraph",
                "À marée basse, la vase luit sous le soleil, hérissée de milliers de jeunes palétuviers. Il y a deux ans, cette bande de littoral de la commune de Đất Mũi était presque nue, grignotée à chaque saison par les vagues.",
            ),
            (
                "paragraph",
                "Le programme repose sur un principe simple : ce sont les familles de pêcheurs qui plantent, entretiennent et surveillent les parcelles. En échange, elles conservent le droit d’élever crabes et crevettes sous le couvert des arbres, à faible densité.",
            ),
            ("heading", "Des brise-lames en bambou"),
            (
                "paragraph",
                "Pour que les jeunes plants survivent, il a d’abord fallu casser la houle. Des clôtures de bambou et de branchages, installées à une centaine de mètres du rivage, piègent les sédiments et créent une eau plus calme.",
            ),
            (
                "quote",
                {
                    "quote": "Avant, on voyait la mer venir jusqu’aux maisons. Maintenant, on voit les arbres entre elle et nous.",
                    "attribution": "Lâm Văn Phúc, pêcheur et chef d’équipe de plantation",
                },
            ),
            (
                "image",
                {
                    "image": "mangrove-forest",
                    "caption": "De jeunes palétuviers plantés en 2023 sur le littoral de Đất Mũi.",
                    "credit": "",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Chiffres clés",
                    "items": [
                        "300 hectares restaurés depuis 2023",
                        "78 % des plants ont survécu",
                        "210 familles impliquées",
                        "150 hectares supplémentaires visés en 2026",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-intrusion-saline",
        "lang": "fr",
        "section": "environment",
        "kicker": "Saison sèche",
        "title": "Intrusion saline : les riziculteurs de Sóc Trăng avancent leur calendrier",
        "slug": "intrusion-saline-soc-trang-calendrier",
        "lede": "Face à une remontée du sel plus précoce que prévu, les agriculteurs ont semé plus tôt et transformé leurs canaux en réservoirs d’eau douce.",
        "published": "2025-02-26T07:10",
        "updated": "2025-02-27T11:30",
        "authors": ["pham-thu-ha"],
        "tags": ["salinité", "riz", "sécheresse"],
        "image": "rice-harvest",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les relevés de la station de mesure de Đại Ngãi ont confirmé les craintes : dès la mi-février, la salinité a dépassé 4 grammes par litre à plus de 50 kilomètres de la mer, un seuil habituellement atteint en mars.",
            ),
            (
                "paragraph",
                "Dans le district de Long Phú, la plupart des exploitants avaient anticipé. Conseillés par les services agricoles, ils ont semé la récolte d’hiver-printemps avec deux à trois semaines d’avance, pour moissonner avant le pic de sel.",
            ),
            ("heading", "Des canaux transformés en réservoirs"),
            (
                "paragraph",
                "Les vannes de plusieurs canaux secondaires ont été fermées dès janvier pour retenir l’eau douce. Les familles pompent désormais à tour de rôle, selon un calendrier affiché à la maison communale.",
            ),
            (
                "quote",
                {
                    "quote": "On a retenu les leçons de 2016 et de 2020. Cette fois, personne n’a attendu de voir les feuilles jaunir pour agir.",
                    "attribution": "Thạch Sô Phal, responsable du groupement agricole de Long Phú",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Les conseils des services agricoles",
                    "items": [
                        "Mesurer la salinité avant chaque pompage",
                        "Privilégier les variétés à cycle court",
                        "Ne pas irriguer au-delà de 2 g/l pendant la floraison",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-ghe-ngo",
        "lang": "fr",
        "section": "sport",
        "kicker": "Fête d’Oóc Om Bóc",
        "title": "Courses de ghe ngo : Mỹ Xuyên remporte la finale sous les vivats",
        "slug": "courses-ghe-ngo-finale-my-xuyen",
        "lede": "Plus de soixante pirogues khmères ont disputé les traditionnelles régates de la fête de l’eau sur la rivière Maspéro.",
        "published": "2025-11-05T17:40",
        "updated": None,
        "authors": ["le-minh-khoa"],
        "tags": ["ghe ngo", "aviron", "traditions khmères"],
        "image": "boat-race",
        "source": {
            "source": "mientay-news",
            "url": "https://mientay-news.example/the-thao/2025/11/dua-ghe-ngo-chung-ket.html",
            "relation": "based_on",
        },
        "featured": False,
        "body": [
            (
                "paragraph",
                "Cinquante-deux rameurs, une coque de près de trente mètres taillée dans un seul tronc et une cadence dictée au sifflet : l’équipage de Mỹ Xuyên a franchi la ligne avec une demi-longueur d’avance dans la finale masculine, dimanche après-midi.",
            ),
            (
                "paragraph",
                "Sur les deux rives, des dizaines de milliers de spectateurs s’étaient massés depuis le matin. Les courses de ghe ngo, pirogues effilées ornées de têtes de naga, sont le temps fort de la fête d’Oóc Om Bóc, célébrée par la communauté khmère à la pleine lune du dixième mois lunaire.",
            ),
            ("heading", "Des mois de préparation"),
            (
                "paragraph",
                "Les équipages s’entraînent dès la fin de la saison des pluies, souvent à l’aube, avant le travail aux champs. Chaque pagode finance sa pirogue grâce aux dons des familles du village.",
            ),
            (
                "quote",
                {
                    "quote": "On ne rame pas pour une médaille. On rame pour que la pagode et tout le village soient fiers.",
                    "attribution": "Danh Sơn, barreur de l’équipage de Mỹ Xuyên",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Palmarès 2025",
                    "items": [
                        "Finale masculine : Mỹ Xuyên",
                        "Finale féminine : Trần Đề",
                        "64 pirogues engagées",
                        "Distance : 1 200 mètres",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-song-hau-fc",
        "lang": "fr",
        "section": "sport",
        "kicker": "Football",
        "title": "Le Sông Hậu FC décroche la montée en première division",
        "slug": "football-song-hau-fc-montee",
        "lede": "Une victoire 2-1 lors de la dernière journée a offert la montée aux Verts, devant un stade de Cần Thơ comble.",
        "published": "2025-09-14T21:15",
        "updated": "2025-09-15T08:30",
        "authors": ["le-minh-khoa"],
        "tags": ["football", "montée", "cần thơ"],
        "image": "stadium",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Il a fallu attendre la 88e minute et une tête de l’attaquant Đỗ Gia Huy pour que le stade explose. En battant Bình Lộc 2-1, le Sông Hậu FC termine premier de la deuxième division et retrouve l’élite, six ans après l’avoir quittée.",
            ),
            (
                "paragraph",
                "L’entraîneur Hà Văn Lực, arrivé en début de saison, a bâti son équipe autour de jeunes formés au club et de deux recrues étrangères, un milieu brésilien et un défenseur ghanéen.",
            ),
            ("heading", "Un budget à reconstruire"),
            (
                "paragraph",
                "La montée pose désormais la question des moyens. Le club devra rénover l’éclairage du stade et augmenter sa masse salariale pour rester compétitif. Des discussions sont engagées avec plusieurs entreprises de la région, et la municipalité a promis d’étudier une aide pour la mise aux normes de l’enceinte.",
            ),
            (
                "quote",
                {
                    "quote": "Ce soir, on célèbre. Demain, on se remet au travail, parce que la première division ne pardonne rien.",
                    "attribution": "Hà Văn Lực, entraîneur du Sông Hậu FC",
                },
            ),
            (
                "fact_box",
                {
                    "title": "La saison en chiffres",
                    "items": [
                        "16 victoires, 6 nuls, 4 défaites",
                        "41 buts marqués",
                        "Meilleur buteur : Đỗ Gia Huy (14 buts)",
                        "Affluence record : 18 500 spectateurs",
                    ],
                },
            ),
        ],
    },
    {
        "key": "fr-cai-luong-moliere",
        "lang": "fr",
        "section": "culture",
        "kicker": "Théâtre",
        "title": "Quand le cải lương s’empare de Molière",
        "slug": "cai-luong-moliere-avare",
        "lede": "Une troupe de Cần Thơ adapte « L’Avare » dans la tradition du théâtre chanté du Sud, avec un Harpagon négociant en riz.",
        "published": "2025-09-26T19:00",
        "updated": None,
        "authors": ["claire-dumont"],
        "tags": ["théâtre", "cải lương", "molière"],
        "image": "stage",
        "source": None,
        "featured": True,
        "body": [
            (
                "paragraph",
                "Sur la scène du théâtre de Tây Đô, Harpagon s’appelle désormais Ông Ba Lúa, riche négociant qui cache sa cassette sous les sacs de son entrepôt. Le public rit aux mêmes endroits qu’à Paris, mais il applaudit aussi chaque air de <i>vọng cổ</i>, la mélodie emblématique du cải lương.",
            ),
            (
                "paragraph",
                "La troupe Phù Sa, une vingtaine de comédiens et de musiciens, travaille sur ce projet depuis deux ans avec un metteur en scène lyonnais, Étienne Roux, venu en résidence dans le cadre d’un programme d’échanges culturels.",
            ),
            ("heading", "Un pont entre deux traditions"),
            (
                "paragraph",
                "Le cải lương, né dans le delta au début du XXe siècle, a toujours puisé dans le répertoire étranger. L’adaptation garde les cinq actes mais réinvente les dialogues en vers chantés, accompagnés de la guitare à touches creusées et du đàn kìm.",
            ),
            (
                "quote",
                {
                    "quote": "Molière écrivait pour un public populaire qui voulait rire et être ému en même temps. C’est exactement ce que fait le cải lương depuis cent ans.",
                    "attribution": "Étienne Roux, metteur en scène",
                },
            ),
            (
                "image",
                {
                    "image": "stage",
                    "caption": "Ông Ba Lúa, l’Harpagon du delta, lors de la répétition générale.",
                    "credit": "",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Infos pratiques",
                    "items": [
                        "Représentations les vendredis et samedis à 19 h 30",
                        "Surtitres en français et en anglais",
                        "Tournée prévue à Hô Chi Minh-Ville et à Huế en 2026",
                    ],
                },
            ),
        ],
    },
    # ---------------------------------------------------------------- English edition
    {
        "key": "en-delta-cities-flood-data",
        "lang": "en",
        "section": "international",
        "kicker": "Climate diplomacy",
        "title": "Delta cities on three continents agree to pool their flood data",
        "slug": "delta-cities-pool-flood-data",
        "lede": "Engineers and city officials from the Mekong, Ganges-Brahmaputra and Rhine-Meuse deltas will share river and rainfall readings in a common format.",
        "published": "2025-05-07T08:40",
        "updated": "2025-05-07T13:20",
        "authors": ["nguyen-viet-dung"],
        "tags": ["climate", "flooding", "cooperation"],
        "image": "river-summit",
        "source": {
            "source": "mekong-river-bulletin",
            "url": "https://mekong-bulletin.example/news/2025/05/delta-cities-flood-data.html",
            "relation": "based_on",
        },
        "featured": True,
        "body": [
            (
                "paragraph",
                "Delegations from eleven cities spent two days in Cần Thơ comparing notes on a shared problem: water that arrives faster, higher and saltier than it did a generation ago.",
            ),
            (
                "paragraph",
                "The meeting ended on Tuesday with a non-binding memorandum under which participating cities will publish river-level, rainfall and land-subsidence readings in a common open format, updated hourly where sensors allow.",
            ),
            ("heading", "Why data, and not money"),
            (
                "paragraph",
                "Organisers admit the pledge is modest. There is no joint fund and no shared infrastructure. But delegates argued that comparable data is the first step toward anything larger, from regional insurance schemes to early-warning systems that cross borders.",
            ),
            (
                "quote",
                {
                    "quote": "We have spent years explaining our floods to each other with photographs. Now we can finally compare the numbers.",
                    "attribution": "Mahmuda Rahman, hydrologist with the Khulna city engineering department",
                },
            ),
            (
                "paragraph",
                "The group will meet again in 2026 in the Netherlands, where it hopes to present a first public dashboard combining data from all three deltas.",
            ),
            (
                "fact_box",
                {
                    "title": "The memorandum",
                    "items": [
                        "Signed by 11 cities in 6 countries",
                        "Data shared in open formats",
                        "Hourly updates for river gauges",
                        "Review after 12 months",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-joint-river-checkpoint",
        "lang": "en",
        "section": "international",
        "kicker": "Borders",
        "title": "Vietnam and Cambodia trial a single river checkpoint for cargo boats",
        "slug": "vietnam-cambodia-single-river-checkpoint",
        "lede": "A six-month pilot lets barges clear customs once instead of twice, cutting waiting times at the border by several hours.",
        "published": "2025-08-19T09:30",
        "updated": None,
        "authors": ["nguyen-viet-dung"],
        "tags": ["trade", "cambodia", "customs"],
        "image": "port-cranes",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "For years, barge captains on the Mekong have described the border as a place where time stands still: boats moored two abreast, crews waiting for stamps on both sides, perishable cargo sweating under tarpaulins.",
            ),
            (
                "paragraph",
                "Since August 1, officers from both countries have worked side by side at a single floating inspection station near the Vĩnh Xương crossing. Documents are checked once, and an electronic manifest is passed between the two customs systems.",
            ),
            ("heading", "Early results"),
            (
                "paragraph",
                "In the first two weeks, average clearance time for a loaded barge fell from around seven hours to just under two, according to the pilot’s coordinators. Small traders say the bigger change is predictability: a fruit trader can now promise a delivery time to a market stall in Phnom Penh and keep it.",
            ),
            (
                "quote",
                {
                    "quote": "I used to tell my buyers in Phnom Penh ‘sometime tomorrow’. Now I can give them an hour, and I am usually right.",
                    "attribution": "Tô Văn Kiệt, owner of a three-barge transport business",
                },
            ),
            (
                "fact_box",
                {
                    "title": "The pilot",
                    "items": [
                        "Runs until January 2026",
                        "Covers bulk cargo and refrigerated goods",
                        "Passenger boats are not included",
                        "An evaluation report is due in February",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-youth-council",
        "lang": "en",
        "section": "politics",
        "kicker": "Local democracy",
        "title": "Cần Thơ’s first youth council asks for late buses and safer cycle lanes",
        "slug": "can-tho-youth-council-first-session",
        "lede": "Thirty secondary-school and university students took the councillors’ seats for a consultative session at city hall.",
        "published": "2025-03-25T16:00",
        "updated": None,
        "authors": ["claire-dumont"],
        "tags": ["youth", "city council", "transport"],
        "image": "council-hall",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "They wore school uniforms or their best shirts, and several had brought printed notes. For three hours on Saturday, thirty young people aged 15 to 22 occupied the seats normally reserved for elected councillors in Cần Thơ.",
            ),
            (
                "paragraph",
                "The youth council, created last autumn, has no legislative power. Its recommendations go to the city’s standing committee, which has promised a written response within sixty days.",
            ),
            ("heading", "Buses, bikes and shade"),
            (
                "paragraph",
                "Transport dominated the agenda. Students asked for buses to run after 9 p.m. so that those attending evening classes can get home, and for protected cycle lanes on the main roads near schools. Several also asked for more trees in school courtyards, where summer temperatures regularly pass 36°C.",
            ),
            (
                "quote",
                {
                    "quote": "We are the people who will live longest with the decisions being made now. It is reasonable that someone asks what we think.",
                    "attribution": "Lâm Ngọc Trâm, 17, youth council member from Ninh Kiều",
                },
            ),
            (
                "fact_box",
                {
                    "title": "The youth council at a glance",
                    "items": [
                        "30 members chosen by schools and universities",
                        "Meets twice a year",
                        "Half the seats reserved for young women",
                        "First written response expected in May",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-shrimp-traceability",
        "lang": "en",
        "section": "economy",
        "kicker": "Aquaculture",
        "title": "QR codes on shrimp: delta farmers bet on traceability",
        "slug": "delta-shrimp-farmers-traceability-qr",
        "lede": "A growing number of shrimp ponds now log feed, water quality and harvest data that overseas buyers can check with a phone.",
        "published": "2025-06-03T07:20",
        "updated": None,
        "authors": ["tran-thi-lan"],
        "tags": ["aquaculture", "exports", "technology"],
        "image": "port-cranes",
        "source": {
            "source": "saigon-daily-wire",
            "url": "https://saigon-dailywire.example/business/2025/06/shrimp-traceability-qr.html",
            "relation": "republished",
        },
        "featured": True,
        "body": [
            (
                "paragraph",
                "Every morning at six, Trịnh Thị Ngọc walks the earthen dykes between her four shrimp ponds in Bạc Liêu with a phone in one hand and a water-testing kit in the other. Salinity, oxygen and pH go into an app; so does every kilogram of feed.",
            ),
            (
                "paragraph",
                "At harvest, the records are bundled into a code printed on each carton. A buyer in Osaka or Hamburg can scan it and see where the shrimp was raised, what it ate and when it left the pond.",
            ),
            ("heading", "A premium, for now"),
            (
                "paragraph",
                "Processors say traceable shrimp currently fetches between 5 and 8 percent more per kilogram, mainly from European and Japanese supermarket chains. The question is whether that premium will survive once traceability becomes the norm rather than the exception.",
            ),
            (
                "quote",
                {
                    "quote": "The paperwork used to be a burden. Now it is the thing that sells my shrimp.",
                    "attribution": "Trịnh Thị Ngọc, shrimp farmer",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Traceability in numbers",
                    "items": [
                        "About 1,200 farms enrolled across the delta",
                        "Recorded: feed, water quality, medicines, harvest",
                        "Price premium: 5–8% per kilogram",
                        "Enrolment is free for cooperative members",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-student-startups",
        "lang": "en",
        "section": "economy",
        "kicker": "Start-ups",
        "title": "From lab bench to market stall: Cần Thơ’s student start-ups come of age",
        "slug": "can-tho-student-startups",
        "lede": "A university incubator has helped launch 27 small companies in four years, from rice-husk packaging to salinity sensors.",
        "published": "2025-10-14T10:00",
        "updated": None,
        "authors": ["tran-thi-lan"],
        "tags": ["start-ups", "university", "innovation"],
        "image": "solar-pumps",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "The incubator occupies the ground floor of a former agronomy building, and it still smells faintly of fertiliser. Around the long shared tables, young founders sketch business plans beside prototypes: a biodegradable food tray pressed from rice husks, a sensor that texts farmers when a canal turns salty.",
            ),
            (
                "paragraph",
                "Since 2021 the programme has supported 27 companies. Nineteen are still trading and four have raised outside investment, a survival rate its managers describe as unusually high for early-stage firms.",
            ),
            ("heading", "Solving local problems first"),
            (
                "paragraph",
                "Mentors push teams to start with customers they can visit by motorbike. The sensor company, Mặn Alert, spent its first year installing devices for free on twenty farms around Phong Điền before charging a monthly fee.",
            ),
            (
                "quote",
                {
                    "quote": "Our first investors were rice farmers. If the product does not work, they tell us the same day, very directly.",
                    "attribution": "Đinh Quốc Anh, co-founder of Mặn Alert",
                },
            ),
            (
                "fact_box",
                {
                    "title": "The incubator",
                    "items": [
                        "27 companies launched since 2021",
                        "19 still operating",
                        "Main sectors: agritech, food processing, logistics",
                        "Applications for the next cohort close in December",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-island-footbridge",
        "lang": "en",
        "section": "society",
        "kicker": "Infrastructure",
        "title": "A footbridge ends the ferry queue for an island of 3,000 people",
        "slug": "footbridge-island-ferry-queue",
        "lede": "Residents of a river islet in Thốt Nốt can now walk or ride to the mainland whenever they want, whatever the river is doing.",
        "published": "2025-01-28T08:10",
        "updated": None,
        "authors": ["claire-dumont"],
        "tags": ["infrastructure", "bridges", "rural life"],
        "image": "mekong-dawn",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "For as long as anyone on the islet can remember, the day began with the ferry. Children crossed at 6 a.m. to reach school, farmers loaded their fruit onto the same creaking boat, and when the river ran high, crossings were cancelled altogether.",
            ),
            (
                "paragraph",
                "On Sunday, a new 260-metre suspension footbridge opened to pedestrians, bicycles and motorbikes. Built over fourteen months, it was paid for jointly by the city and by donations from families who left the islet and now live abroad.",
            ),
            ("heading", "What changes"),
            (
                "paragraph",
                "Emergency services can now reach the island by motorbike ambulance. Traders expect lower transport costs, and the primary school no longer has to delay lessons when morning fog stops the ferry.",
            ),
            (
                "quote",
                {
                    "quote": "My grandmother crossed by boat her whole life. Today she walked across with her cane, slowly, and she did not want to stop.",
                    "attribution": "Phan Thị Kim Yến, resident of the islet",
                },
            ),
            (
                "paragraph",
                "The ferry operator, who has run the crossing for twenty-two years, will keep a reduced service for heavy goods.",
            ),
            (
                "fact_box",
                {
                    "title": "The bridge",
                    "items": [
                        "Length: 260 metres",
                        "For pedestrians, bicycles, motorbikes and light carts",
                        "Cost: 38 billion dong",
                        "Open day and night, lit after dark",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-adult-literacy",
        "lang": "en",
        "section": "society",
        "kicker": "Education",
        "title": "At night, the classrooms fill with grandparents learning to read",
        "slug": "night-classes-adult-literacy",
        "lede": "An adult literacy programme in Cái Răng has enrolled more than 200 learners, most of them women over fifty.",
        "published": "2025-09-09T20:00",
        "updated": None,
        "authors": ["claire-dumont"],
        "tags": ["education", "literacy", "women"],
        "image": "classroom",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "At 7 p.m., when the primary school on the edge of Cái Răng has been empty for hours, the lights come back on. In Classroom 3, fourteen students bend over exercise books, tracing letters with the concentration of people who have waited a long time for this.",
            ),
            (
                "paragraph",
                "Most grew up in years when school was a luxury, or left early to work on farms and boats. Now, with grandchildren doing homework on tablets, many say they simply want to keep up.",
            ),
            ("heading", "Learning with a purpose"),
            (
                "paragraph",
                "The lessons are practical: reading medicine labels, filling in bank forms, sending a text message. Volunteer teachers, many of them retired, adjust the pace for learners who arrive tired after a day at the market.",
            ),
            (
                "quote",
                {
                    "quote": "The first time I wrote my own name on a form, the clerk did not even notice. But I noticed. I went home and told everyone.",
                    "attribution": "Bùi Thị Ánh, 63, market vendor",
                },
            ),
            (
                "fact_box",
                {
                    "title": "The programme",
                    "items": [
                        "Classes four evenings a week",
                        "Free of charge, materials included",
                        "214 learners enrolled this year",
                        "Volunteer teachers welcome",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-solar-pumps",
        "lang": "en",
        "section": "environment",
        "kicker": "Water",
        "title": "Solar pumps keep fresh water flowing as salt creeps up the delta",
        "slug": "solar-pumps-fresh-water-salinity",
        "lede": "Villages in Trà Vinh are using solar-powered stations to pump and filter water through the dry season, and have stopped buying diesel.",
        "published": "2025-04-16T07:00",
        "updated": "2025-04-16T12:45",
        "authors": ["pham-thu-ha"],
        "tags": ["salinity", "solar energy", "drinking water"],
        "image": "solar-pumps",
        "source": {
            "source": "mientay-news",
            "url": "https://mientay-news.example/moi-truong/2025/04/tra-vinh-bom-nang-luong-mat-troi.html",
            "relation": "translated",
        },
        "featured": False,
        "body": [
            (
                "paragraph",
                "In the hamlet of Ô Đùng, the old diesel pump still sits beside the canal, slowly rusting. It has not been switched on since February, when a row of solar panels went up on the roof of the community hall next door.",
            ),
            (
                "paragraph",
                "The panels power a small station that draws water from a freshwater pond during daylight hours, filters it and fills a 40,000-litre tank. Around 120 households collect drinking water there free of charge and pay a small fee for irrigation water.",
            ),
            ("heading", "Cheaper, quieter, easier to maintain"),
            (
                "paragraph",
                "Residents say the main change is cost. Diesel for the old pump used to swallow a large share of the hamlet’s common fund every dry season. The solar station, financed by a provincial climate programme and a non-profit partner, has almost no running costs beyond replacing filters.",
            ),
            (
                "quote",
                {
                    "quote": "In the dry months we used to count every litre. We still count, but we are not afraid any more.",
                    "attribution": "Kim Thị Sa Rết, head of the hamlet women’s association",
                },
            ),
            (
                "image",
                {
                    "image": "solar-pumps",
                    "caption": "The array on the community hall roof powers the pumping station below.",
                    "credit": "",
                },
            ),
            (
                "fact_box",
                {
                    "title": "The station",
                    "items": [
                        "24 solar panels, 12 kW",
                        "Tank capacity: 40,000 litres",
                        "Serves around 120 households",
                        "Twelve similar stations planned by 2026",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-river-marathon",
        "lang": "en",
        "section": "sport",
        "kicker": "Athletics",
        "title": "Record field for the Cần Thơ river marathon as runners chase the dawn",
        "slug": "can-tho-river-marathon-record-field",
        "lede": "More than 9,000 runners crossed the Cần Thơ bridge in the half-light, in a race that has become one of the delta’s biggest sporting events.",
        "published": "2025-11-23T11:30",
        "updated": None,
        "authors": ["le-minh-khoa"],
        "tags": ["athletics", "marathon", "running"],
        "image": "stadium",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "The starting gun fired at 4.30 a.m., when the river was still black and the streetlights along the Ninh Kiều embankment were the only landmarks. By the time the sun came up, the leading group was already climbing the long ramp of the Cần Thơ bridge.",
            ),
            (
                "paragraph",
                "This year’s race attracted 9,300 runners across four distances, a record. Organisers had to close registration three weeks early and add a second start wave for the half marathon.",
            ),
            ("heading", "Local winners"),
            (
                "paragraph",
                "The men’s marathon was won by Lưu Thành Đạt, a 27-year-old physical education teacher from Vĩnh Long, in 2 hours 24 minutes. Hoàng Thị Mai Anh, a nurse at a Cần Thơ hospital, took the women’s title on her second attempt at the distance.",
            ),
            (
                "quote",
                {
                    "quote": "The last five kilometres along the river were the hardest, but people were cheering from their balconies in their pyjamas. You cannot give up with that.",
                    "attribution": "Lưu Thành Đạt, men’s marathon winner",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Results",
                    "items": [
                        "Men’s marathon: Lưu Thành Đạt, 2:24:11",
                        "Women’s marathon: Hoàng Thị Mai Anh, 2:51:40",
                        "9,300 runners from 24 countries",
                        "Next edition: November 2026",
                    ],
                },
            ),
        ],
    },
    {
        "key": "en-delta-shorts",
        "lang": "en",
        "section": "culture",
        "kicker": "Cinema",
        "title": "A film festival made for the delta, screened on the river",
        "slug": "delta-shorts-film-festival-river",
        "lede": "The third Delta Shorts festival projected its films onto a screen moored off the Ninh Kiều waterfront, with audiences watching from boats and the embankment.",
        "published": "2025-07-12T21:00",
        "updated": None,
        "authors": ["claire-dumont"],
        "tags": ["cinema", "festival", "short films"],
        "image": "stage",
        "source": None,
        "featured": True,
        "body": [
            (
                "paragraph",
                "The screen, twelve metres wide, was stretched between two bamboo poles on a barge anchored a few dozen metres from the embankment. On the shore, families sat on plastic stools; on the water, rowing boats and tourist cruisers dropped anchor to watch.",
            ),
            (
                "paragraph",
                "Delta Shorts, now in its third year, shows only films shot in the Mekong delta or made by directors from the region. This year’s programme featured 34 shorts, from documentaries about eel fishermen to a science-fiction comedy set in a flooded Cần Thơ in 2080.",
            ),
            ("heading", "The winners"),
            (
                "paragraph",
                "The jury prize went to <i>The Last Ferryman</i>, a 17-minute documentary by Kiều Thanh Tú following an elderly boatman through his final week of work before a bridge replaces his crossing. The audience prize went to an animated film about a water buffalo who dreams of becoming a singer.",
            ),
            (
                "quote",
                {
                    "quote": "People here have always watched stories on the river, from the travelling theatre troupes that came by boat. We only added a projector.",
                    "attribution": "Mai Hoàng Phúc, festival director",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Delta Shorts 2025",
                    "items": [
                        "34 films, including 9 premieres",
                        "Four evenings of open-air screenings",
                        "Jury prize: The Last Ferryman",
                        "Free entry, donations welcome",
                    ],
                },
            ),
        ],
    },
    # ------------------------------------------------------------- Vietnamese edition
    {
        "key": "vi-lua-tom-lao-campuchia",
        "lang": "vi",
        "section": "international",
        "kicker": "Hợp tác quốc tế",
        "title": "Nông dân Lào, Campuchia sang miền Tây học mô hình lúa – tôm",
        "slug": "nong-dan-lao-campuchia-hoc-mo-hinh-lua-tom",
        "lede": "Hơn 40 nông dân và cán bộ khuyến nông từ hai nước láng giềng đã dành một tuần trên những cánh đồng ven biển để tìm hiểu cách luân canh lúa và tôm.",
        "published": "2025-02-19T08:00",
        "updated": None,
        "authors": ["nguyen-viet-dung"],
        "tags": ["hợp tác", "nông nghiệp", "lào", "campuchia"],
        "image": "rice-harvest",
        "source": {
            "source": "agence-asie-pacifique",
            "url": "https://agence-asiepacifique.example/asie/2025/02/riz-crevette-delegation-laos-cambodge.html",
            "relation": "based_on",
        },
        "featured": True,
        "body": [
            (
                "paragraph",
                "Sáng thứ Hai, đoàn khách đội nón lá, xắn quần lội xuống ruộng ở xã Phong Thạnh. Người hướng dẫn là ông Quách Văn Lợi, nông dân đã có mười hai năm làm mô hình luân canh một vụ lúa, một vụ tôm trên cùng một thửa ruộng.",
            ),
            (
                "paragraph",
                "Chuyến học tập nằm trong chương trình trao đổi kỹ thuật giữa các địa phương vùng hạ lưu sông Mê Kông. Đoàn gồm 43 người, phần lớn đến từ các tỉnh ven sông của Campuchia và miền Nam Lào, nơi mùa khô ngày càng kéo dài.",
            ),
            ("heading", "Học cả thành công lẫn thất bại"),
            (
                "paragraph",
                "Không chỉ nghe giới thiệu về lợi nhuận, các nông dân nước bạn còn được kể về những vụ tôm thất bại vì nắng nóng bất thường, hay những năm lúa bị nhiễm mặn do rửa mặn không kịp. Theo ông Lợi, đó mới là bài học quý nhất.",
            ),
            (
                "quote",
                {
                    "quote": "Tôi không muốn họ về nhà với ý nghĩ mô hình này dễ làm. Nó hiệu quả, nhưng phải kiên nhẫn và phải hiểu con nước.",
                    "attribution": "Ông Quách Văn Lợi, nông dân xã Phong Thạnh",
                },
            ),
            (
                "paragraph",
                "Cuối chuyến đi, hai bên thống nhất sẽ cử kỹ sư Việt Nam sang hỗ trợ ba điểm trình diễn tại Campuchia và Lào vào năm tới.",
            ),
            (
                "fact_box",
                {
                    "title": "Mô hình lúa – tôm",
                    "items": [
                        "Một vụ lúa mùa mưa, một vụ tôm mùa khô",
                        "Giảm phân bón hóa học nhờ chất hữu cơ từ vụ tôm",
                        "Lợi nhuận cao hơn độc canh lúa từ 30 đến 50%",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-sinh-vien-quoc-te",
        "lang": "vi",
        "section": "international",
        "kicker": "Giáo dục",
        "title": "Gần 300 sinh viên quốc tế nhập học tại Cần Thơ",
        "slug": "sinh-vien-quoc-te-nhap-hoc-can-tho",
        "lede": "Năm học mới ghi nhận số sinh viên nước ngoài cao kỷ lục, chủ yếu đến từ Lào, Campuchia và một số nước châu Phi.",
        "published": "2025-11-06T09:15",
        "updated": None,
        "authors": ["nguyen-viet-dung"],
        "tags": ["giáo dục", "sinh viên quốc tế", "hợp tác"],
        "image": "classroom",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Trong lễ khai giảng sáng thứ Năm, hội trường lớn của trường đại học rợp cờ của mười bốn quốc gia. Nhiều sinh viên mặc trang phục truyền thống, chụp ảnh cùng bạn bè Việt Nam bên bờ hồ.",
            ),
            (
                "paragraph",
                "Theo phòng hợp tác quốc tế, năm nay có 287 sinh viên nước ngoài theo học, tăng gần 40% so với năm trước. Các ngành được lựa chọn nhiều nhất là nông học, nuôi trồng thủy sản và quản lý tài nguyên nước.",
            ),
            ("heading", "Tiếng Việt là thử thách đầu tiên"),
            (
                "paragraph",
                "Phần lớn sinh viên phải học một năm dự bị tiếng Việt trước khi vào chuyên ngành. Nhà trường đã lập thêm câu lạc bộ “bạn đồng hành”, ghép mỗi sinh viên quốc tế với một sinh viên Việt Nam để cùng học và làm quen với cuộc sống địa phương.",
            ),
            (
                "quote",
                {
                    "quote": "Quê tôi cũng có sông lớn và cũng lo chuyện hạn mặn. Tôi muốn học ở đây để mang kiến thức về giúp làng mình.",
                    "attribution": "Souksavanh Phommachanh, sinh viên năm nhất ngành nông học, đến từ Lào",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Sinh viên quốc tế năm 2025",
                    "items": [
                        "287 sinh viên từ 14 quốc gia",
                        "Đông nhất: Lào (121 người) và Campuchia (98 người)",
                        "Lần đầu có sinh viên đến từ Mozambique và Senegal",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-chat-van-sat-lo",
        "lang": "vi",
        "section": "politics",
        "kicker": "Hội đồng nhân dân",
        "title": "Đại biểu chất vấn tiến độ các công trình chống sạt lở",
        "slug": "chat-van-tien-do-chong-sat-lo",
        "lede": "Tại kỳ họp giữa năm, nhiều đại biểu yêu cầu giải trình vì sao hai trong ba công trình kè trọng điểm vẫn chậm tiến độ.",
        "published": "2025-06-27T17:45",
        "updated": "2025-06-28T08:00",
        "authors": ["nguyen-viet-dung"],
        "tags": ["hội đồng nhân dân", "sạt lở", "chất vấn"],
        "image": "council-hall",
        "source": None,
        "featured": True,
        "body": [
            (
                "paragraph",
                "Phiên chất vấn chiều thứ Sáu kéo dài hơn dự kiến gần một giờ. Chủ đề được nhiều đại biểu quan tâm nhất là tình trạng sạt lở bờ sông và tiến độ các công trình kè đã được phê duyệt từ năm 2023.",
            ),
            (
                "paragraph",
                "Theo báo cáo của cơ quan chuyên môn, trong ba công trình kè trọng điểm, mới có một công trình hoàn thành. Hai công trình còn lại chậm từ sáu đến chín tháng do vướng mặt bằng và giá vật liệu tăng.",
            ),
            ("heading", "Người dân không thể chờ thêm một mùa lũ"),
            (
                "quote",
                {
                    "quote": "Mỗi mùa nước lên, bà con ven sông lại thức trắng canh nhà. Chúng tôi cần một mốc thời gian cụ thể, không phải lời hứa chung chung.",
                    "attribution": "Đại biểu Lư Thị Thanh Thảo, tổ đại biểu Ô Môn",
                },
            ),
            (
                "paragraph",
                "Trả lời chất vấn, ông Trịnh Hữu Phước, phó giám đốc sở phụ trách thủy lợi, cam kết hoàn thành công trình kè thứ hai trước tháng 11 và đề nghị thành phố xem xét cơ chế đặc thù để đẩy nhanh giải phóng mặt bằng.",
            ),
            (
                "paragraph",
                "Kết thúc kỳ họp, hội đồng nhân dân thành phố yêu cầu báo cáo tiến độ định kỳ hằng quý tại các kỳ họp tiếp theo.",
            ),
            (
                "fact_box",
                {
                    "title": "Tình hình sạt lở",
                    "items": [
                        "42 điểm sạt lở được ghi nhận từ đầu năm",
                        "3 công trình kè trọng điểm, tổng vốn hơn 600 tỷ đồng",
                        "Hơn 200 hộ dân cần di dời khẩn cấp",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-cho-noi-qr",
        "lang": "vi",
        "section": "economy",
        "kicker": "Chuyển đổi số",
        "title": "Chợ nổi Cái Răng: bán khóm, bán bưởi bằng mã QR",
        "slug": "cho-noi-cai-rang-thanh-toan-qr",
        "lede": "Ngày càng nhiều tiểu thương trên chợ nổi nổi tiếng của miền Tây chấp nhận thanh toán không dùng tiền mặt, chủ yếu để phục vụ du khách.",
        "published": "2025-03-04T06:30",
        "updated": None,
        "authors": ["tran-thi-lan"],
        "tags": ["chợ nổi", "thanh toán số", "du lịch"],
        "image": "floating-market",
        "source": {
            "source": "mientay-news",
            "url": "https://mientay-news.example/kinh-te/2025/03/cho-noi-cai-rang-ma-qr.html",
            "relation": "republished",
        },
        "featured": False,
        "body": [
            (
                "paragraph",
                "Năm giờ sáng, ghe của chị Lê Thị Hồng đã đầy khóm và bưởi da xanh. Trên cây bẹo – cây sào dùng để treo hàng mẫu – giờ đây có thêm một tấm bảng nhỏ in mã QR, bọc nylon cẩn thận cho khỏi ướt.",
            ),
            (
                "paragraph",
                "Theo ban quản lý chợ, khoảng 60% ghe bán lẻ và hơn 80% ghe bán đồ ăn sáng cho khách du lịch đã nhận chuyển khoản. Với các bạn hàng bán sỉ, tiền mặt vẫn chiếm ưu thế.",
            ),
            ("heading", "Tiện cho khách, vẫn lo cho người bán"),
            (
                "paragraph",
                "Du khách, đặc biệt là khách trẻ và khách quốc tế, không còn phải đổi tiền lẻ trước khi xuống xuồng. Tuy vậy, nhiều tiểu thương lớn tuổi vẫn e ngại vì sóng điện thoại chập chờn giữa sông và sợ bị lừa bằng ảnh chụp màn hình giả.",
            ),
            (
                "quote",
                {
                    "quote": "Khách quen bây giờ ít cầm tiền mặt lắm, mình không có mã là mất mối. Nhưng lúc nào tôi cũng chờ điện thoại báo “ting ting” rồi mới đưa hàng.",
                    "attribution": "Chị Lê Thị Hồng, tiểu thương chợ nổi Cái Răng",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Chợ nổi Cái Răng",
                    "items": [
                        "Khoảng 300 ghe, xuồng hoạt động mỗi sáng",
                        "Đông nhất từ 5 giờ đến 8 giờ",
                        "Mặt hàng chủ lực: trái cây, rau củ, đồ ăn sáng",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-buoi-phong-dien",
        "lang": "vi",
        "section": "economy",
        "kicker": "Nông sản",
        "title": "Bưởi Phong Điền lên kệ siêu thị Singapore",
        "slug": "buoi-phong-dien-xuat-khau-singapore",
        "lede": "Sau hai năm chuẩn hóa vùng trồng, một hợp tác xã ở Phong Điền đã xuất lô bưởi đầu tiên, mở ra hướng đi mới cho nhà vườn.",
        "published": "2025-09-18T10:30",
        "updated": None,
        "authors": ["tran-thi-lan"],
        "tags": ["xuất khẩu", "trái cây", "hợp tác xã"],
        "image": "floating-market",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Chiều thứ Ba, mười hai tấn bưởi được đóng thùng, dán tem truy xuất nguồn gốc và đưa lên xe lạnh ra cảng Cái Cui. Đây là lô hàng đầu tiên của Hợp tác xã Trường Long Xanh xuất sang Singapore theo đơn đặt hàng của một chuỗi siêu thị.",
            ),
            (
                "paragraph",
                "Để đạt yêu cầu, 38 hộ thành viên phải ghi nhật ký canh tác, ngưng sử dụng một số loại thuốc bảo vệ thực vật và để đơn vị kiểm định lấy mẫu đất, nước định kỳ. Mã số vùng trồng được cấp vào đầu năm nay.",
            ),
            ("heading", "Giá cao hơn, yêu cầu khắt khe hơn"),
            (
                "paragraph",
                "Giá thu mua cho lô hàng xuất khẩu cao hơn giá bán cho thương lái khoảng 25%. Tuy nhiên, chỉ những trái đạt kích cỡ, màu vỏ và độ ngọt theo tiêu chuẩn mới được chọn, phần còn lại vẫn bán ở thị trường trong nước.",
            ),
            (
                "quote",
                {
                    "quote": "Ngày trước bán cho thương lái, trái nào cũng như trái nào. Giờ mỗi trái bưởi phải có lý lịch, cực hơn nhưng bà con thấy được giá trị của mình.",
                    "attribution": "Ông Nguyễn Văn Sang, giám đốc Hợp tác xã Trường Long Xanh",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Lô hàng đầu tiên",
                    "items": [
                        "12 tấn bưởi năm roi",
                        "38 hộ thành viên, 65 ha vùng trồng",
                        "Mục tiêu: 150 tấn trong năm 2026",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-buyt-duong-song",
        "lang": "vi",
        "section": "society",
        "kicker": "Giao thông",
        "title": "Thí điểm tuyến buýt đường sông nối Ninh Kiều với Cái Răng",
        "slug": "thi-diem-buyt-duong-song-ninh-kieu-cai-rang",
        "lede": "Tuyến buýt sông đầu tiên của thành phố phục vụ cả người đi làm lẫn du khách, giá vé 15.000 đồng một lượt.",
        "published": "2025-05-02T07:00",
        "updated": "2025-05-02T14:20",
        "authors": ["le-minh-khoa"],
        "tags": ["giao thông", "buýt đường sông", "đô thị"],
        "image": "mekong-dawn",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Chuyến tàu đầu tiên rời bến Ninh Kiều lúc 6 giờ sáng, chở hơn bốn mươi hành khách, phần đông là công nhân và học sinh. Sau 25 phút, tàu cập bến Cái Răng, nhanh hơn nhiều so với đi xe máy vào giờ cao điểm.",
            ),
            (
                "paragraph",
                "Tuyến buýt đường sông dài khoảng 9 km, có năm bến dừng. Tàu chạy từ 6 giờ đến 20 giờ, cứ 30 phút một chuyến. Hành khách có thể trả tiền mặt, quẹt thẻ hoặc thanh toán qua ứng dụng di động.",
            ),
            ("heading", "Kỳ vọng giảm ùn tắc"),
            (
                "paragraph",
                "Theo cơ quan quản lý giao thông, tuyến thí điểm nhằm giảm áp lực cho các trục đường dọc sông vốn thường xuyên kẹt xe, đồng thời tạo thêm một sản phẩm du lịch cho thành phố. Nếu hiệu quả, thành phố sẽ mở thêm tuyến đi Phong Điền và Ô Môn.",
            ),
            (
                "quote",
                {
                    "quote": "Đi tàu vừa mát vừa không sợ kẹt xe. Chỉ mong có thêm chỗ gửi xe gần bến để tiện đi tiếp.",
                    "attribution": "Anh Đặng Hoàng Nam, nhân viên văn phòng ở Cái Răng",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Thông tin tuyến",
                    "items": [
                        "Chiều dài khoảng 9 km, 5 bến",
                        "Giá vé 15.000 đồng/lượt, học sinh 8.000 đồng",
                        "Sức chở 60 hành khách/chuyến",
                        "Thời gian thí điểm: 6 tháng",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-doi-rac-lay-sach",
        "lang": "vi",
        "section": "society",
        "kicker": "Trường học",
        "title": "Đổi chai nhựa lấy sách: thư viện nhỏ của một trường tiểu học ven sông",
        "slug": "doi-chai-nhua-lay-sach-truong-tieu-hoc",
        "lede": "Ở một trường tiểu học tại Ô Môn, học sinh mang chai nhựa, vỏ lon đến trường để đổi lấy sách, truyện và dụng cụ học tập.",
        "published": "2025-07-15T10:00",
        "updated": None,
        "authors": ["pham-thu-ha"],
        "tags": ["giáo dục", "rác thải nhựa", "thư viện"],
        "image": "classroom",
        "source": {
            "source": "saigon-daily-wire",
            "url": "https://saigon-dailywire.example/society/2025/07/plastic-for-books-school-library.html",
            "relation": "translated",
        },
        "featured": False,
        "body": [
            (
                "paragraph",
                "Mỗi sáng thứ Hai, góc sân trường tiểu học Thới Long 2 lại chất đầy bao tải: chai nhựa, vỏ lon, giấy vụn đã được các em phân loại sẵn từ nhà. Cô Tô Thị Ngọc Hân, giáo viên phụ trách thư viện, cân từng bao và ghi điểm vào sổ.",
            ),
            (
                "paragraph",
                "Cứ đủ mười điểm, học sinh được đổi một quyển truyện hoặc một hộp bút màu. Tiền bán phế liệu được dùng để mua thêm sách mới cho thư viện, vốn trước đây chỉ có vài kệ sách cũ.",
            ),
            ("heading", "Từ lớp học ra đến bờ sông"),
            (
                "paragraph",
                "Sau hai năm, thư viện đã có hơn 1.800 đầu sách. Nhiều phụ huynh cho biết con em mình không còn vứt rác xuống kênh mà còn nhắc cả nhà gom chai lọ. Một số học sinh lớp năm tự lập nhóm nhặt rác dọc bờ sông vào cuối tuần.",
            ),
            (
                "quote",
                {
                    "quote": "Ban đầu các em đổi rác vì muốn có truyện tranh. Dần dần, các em hiểu vì sao không nên vứt chai xuống sông. Đó mới là điều chúng tôi mong muốn.",
                    "attribution": "Cô Tô Thị Ngọc Hân, giáo viên trường tiểu học Thới Long 2",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Sau hai năm thực hiện",
                    "items": [
                        "Hơn 6 tấn phế liệu được thu gom",
                        "Hơn 1.800 đầu sách mới",
                        "Ba trường lân cận đang học tập mô hình",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-nuoc-noi-ca-linh",
        "lang": "vi",
        "section": "environment",
        "kicker": "Mùa nước nổi",
        "title": "Nước nổi về muộn, ngư dân đầu nguồn vắng cá linh",
        "slug": "nuoc-noi-ve-muon-vang-ca-linh",
        "lede": "Đỉnh lũ đầu nguồn năm nay thấp và đến muộn hơn trung bình nhiều năm, khiến nguồn lợi thủy sản tự nhiên sụt giảm rõ rệt.",
        "published": "2025-10-08T06:50",
        "updated": None,
        "authors": ["pham-thu-ha"],
        "tags": ["mùa nước nổi", "thủy sản", "biến đổi khí hậu"],
        "image": "mekong-dawn",
        "source": {
            "source": "mekong-river-bulletin",
            "url": "https://mekong-bulletin.example/environment/2025/10/late-flood-season-fish-decline.html",
            "relation": "based_on",
        },
        "featured": False,
        "body": [
            (
                "paragraph",
                "Đã giữa tháng Tám âm lịch, nhưng những chiếc dớn, chiếc lú của ông Châu Văn Tư ở xã Vĩnh Xương vẫn gần như trống trơn. Mọi năm, vào thời điểm này, mỗi sáng ông bắt được vài ký cá linh non để bán cho thương lái.",
            ),
            (
                "paragraph",
                "Theo số liệu quan trắc, đỉnh lũ tại trạm Tân Châu năm nay thấp hơn trung bình nhiều năm khoảng 0,6 mét và đến muộn gần ba tuần. Nước không tràn đồng đủ lâu, cá không có bãi đẻ và nơi kiếm mồi.",
            ),
            ("heading", "Hệ quả không chỉ với ngư dân"),
            (
                "paragraph",
                "Các nhà khoa học cảnh báo lũ thấp còn làm giảm lượng phù sa bồi đắp cho ruộng đồng, đồng thời khiến nước mặn dễ xâm nhập sâu hơn vào mùa khô năm sau. Nguyên nhân được cho là sự kết hợp giữa lượng mưa thượng nguồn thấp và việc vận hành các hồ chứa.",
            ),
            (
                "quote",
                {
                    "quote": "Hồi nhỏ tôi theo cha đặt lú, cá nhiều tới mức gỡ không kịp. Giờ con cháu tôi chắc chỉ còn nghe kể lại.",
                    "attribution": "Ông Châu Văn Tư, ngư dân xã Vĩnh Xương",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Mùa lũ 2025",
                    "items": [
                        "Đỉnh lũ tại Tân Châu thấp hơn trung bình khoảng 0,6 m",
                        "Lũ về muộn gần 3 tuần",
                        "Sản lượng cá linh ước giảm hơn một nửa",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-bong-chuyen-nu",
        "lang": "vi",
        "section": "sport",
        "kicker": "Bóng chuyền",
        "title": "Bóng chuyền nữ Phù Sa Cần Thơ lần đầu vô địch khu vực",
        "slug": "bong-chuyen-nu-phu-sa-can-tho-vo-dich",
        "lede": "Sau năm set kịch tính, các cô gái Tây Đô đã lội ngược dòng trước đương kim vô địch để lần đầu đăng quang giải các câu lạc bộ khu vực.",
        "published": "2025-08-24T21:30",
        "updated": "2025-08-25T07:45",
        "authors": ["le-minh-khoa"],
        "tags": ["bóng chuyền", "thể thao nữ", "vô địch"],
        "image": "stadium",
        "source": None,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Khi cú đập bóng cuối cùng của phụ công Thạch Thị Sa Ly chạm sàn, cả nhà thi đấu như vỡ òa. Đội bóng chuyền nữ Phù Sa Cần Thơ đã thắng ngược 3-2 trước đương kim vô địch Hòa An sau khi bị dẫn hai set.",
            ),
            (
                "paragraph",
                "Ở set quyết định, đội chủ nhà từng bị dẫn 9-12 nhưng đã ghi liền sáu điểm nhờ những pha chắn bóng chính xác và giao bóng biến hóa. Tỷ số các set lần lượt là 21-25, 23-25, 25-19, 25-22 và 15-12.",
            ),
            ("heading", "Lứa cầu thủ trẻ trưởng thành"),
            (
                "paragraph",
                "Phần lớn thành viên trong đội đều dưới 23 tuổi và được đào tạo từ trung tâm thể thao của thành phố. Huấn luyện viên Mạc Thị Bích Vân cho biết chiến thắng là kết quả của bốn năm kiên trì với lối chơi tốc độ.",
            ),
            (
                "quote",
                {
                    "quote": "Bị dẫn 0-2, tôi chỉ nói với các em một câu: mình chưa thua cho tới khi trọng tài thổi còi kết thúc. Các em đã tin và đã làm được.",
                    "attribution": "Huấn luyện viên Mạc Thị Bích Vân",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Thành tích tại giải",
                    "items": [
                        "6 trận thắng, 1 trận thua",
                        "Vận động viên xuất sắc nhất: Thạch Thị Sa Ly",
                        "Phần thưởng: 300 triệu đồng và suất dự giải quốc gia",
                    ],
                },
            ),
        ],
    },
    {
        "key": "vi-don-ca-tai-tu",
        "lang": "vi",
        "section": "culture",
        "kicker": "Di sản",
        "title": "Lớp đờn ca tài tử miễn phí cho thiếu nhi giữa lòng thành phố",
        "slug": "lop-don-ca-tai-tu-thieu-nhi",
        "lede": "Mỗi tối cuối tuần, hàng chục em nhỏ tìm đến một căn nhà cổ ở Bình Thủy để học đàn kìm, đàn tranh và những câu vọng cổ đầu tiên.",
        "published": "2025-10-19T19:30",
        "updated": None,
        "authors": ["le-minh-khoa"],
        "tags": ["đờn ca tài tử", "di sản", "thiếu nhi"],
        "image": "stage",
        "source": None,
        "featured": True,
        "body": [
            (
                "paragraph",
                "Tiếng đàn kìm dìu dặt vang lên giữa gian nhà cổ lợp ngói âm dương. Ngồi trên bộ ván gỗ, bé Huỳnh Gia Hân, chín tuổi, lẩm nhẩm theo lời thầy, những ngón tay nhỏ bấm từng phím đàn.",
            ),
            (
                "paragraph",
                "Lớp học do nghệ nhân Sáu Thiện, 72 tuổi, mở từ ba năm trước và hoàn toàn miễn phí. Ông tự bỏ tiền mua nhạc cụ, còn gia chủ căn nhà cổ cho mượn không gian mỗi tối thứ Bảy và Chủ nhật.",
            ),
            ("heading", "Giữ hồn nhạc Nam Bộ"),
            (
                "paragraph",
                "Đờn ca tài tử Nam Bộ được UNESCO ghi danh là di sản văn hóa phi vật thể đại diện của nhân loại từ năm 2013. Tuy vậy, theo ông Sáu Thiện, người trẻ biết đờn, biết ca ngày càng ít vì bị cuốn theo nhạc trên mạng.",
            ),
            (
                "quote",
                {
                    "quote": "Tôi không mong các cháu thành nghệ sĩ. Chỉ mong lớn lên, nghe tiếng đàn kìm là các cháu nhận ra đó là tiếng quê mình.",
                    "attribution": "Nghệ nhân Sáu Thiện",
                },
            ),
            (
                "image",
                {
                    "image": "stage",
                    "caption": "Các em nhỏ biểu diễn trong buổi báo cáo cuối khóa.",
                    "credit": "",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Lớp học đờn ca tài tử",
                    "items": [
                        "Học miễn phí vào tối thứ Bảy và Chủ nhật",
                        "Nhận học sinh từ 7 đến 15 tuổi",
                        "Hơn 120 em đã theo học sau ba năm",
                    ],
                },
            ),
        ],
    },
]

# ---------------------------------------------------------------------------------------
# Flagship: one story in three editions. The Vietnamese text is the partner outlet's
# original, republished; the French and English versions are translations of it.
# ---------------------------------------------------------------------------------------

_FLAGSHIP_SOURCE_URL = (
    "https://mientay-news.example/the-gioi/2025/06/thoa-thuan-can-tho-chia-se-nuoc-mua-kho.html"
)

FLAGSHIP = {
    "key": "flagship",
    "translations": {
        "fr": {
            "section": "international",
            "kicker": "Fleuve Mékong",
            "title": "Mékong : quatre pays s’engagent à partager l’eau de la saison sèche",
            "slug": "mekong-accord-partage-eau-saison-seche",
            "lede": "Réunis à Cần Thơ, le Cambodge, le Laos, la Thaïlande et le Vietnam ont signé un accord qui impose de se prévenir avant toute forte baisse du débit du fleuve.",
            "published": "2025-06-18T08:30",
            "updated": "2025-06-18T16:10",
            "authors": ["nguyen-viet-dung", "pham-thu-ha"],
            "tags": ["mékong", "eau", "diplomatie", "sécheresse"],
            "image": "river-summit",
            "source": {
                "source": "mientay-news",
                "url": _FLAGSHIP_SOURCE_URL,
                "relation": "translated",
            },
            "featured": True,
            "body": [
                (
                    "paragraph",
                    "Après trois jours de négociations à huis clos, les délégations du Cambodge, du Laos, de la Thaïlande et du Vietnam ont signé mercredi à Cần Thơ un accord sur la gestion des débits du Mékong pendant la saison sèche. Le texte, baptisé « accord de Cần Thơ », engage les quatre pays à se prévenir mutuellement avant toute réduction importante du débit du fleuve.",
                ),
                (
                    "paragraph",
                    "Concrètement, les exploitants de barrages et de grands ouvrages d’irrigation devront annoncer au moins quinze jours à l’avance toute baisse des lâchers d’eau susceptible de faire chuter le niveau du fleuve de plus de 30 centimètres en aval. Les données de 48 stations de mesure seront en outre publiées en temps réel sur une plateforme commune.",
                ),
                ("heading", "Un delta en première ligne"),
                (
                    "paragraph",
                    "Pour le Vietnam, situé tout en aval, l’enjeu est considérable. Lors des sécheresses de 2016 et de 2020, la faiblesse des débits avait laissé le sel remonter à plus de 60 kilomètres à l’intérieur des terres, ruinant des centaines de milliers d’hectares de rizières et de vergers.",
                ),
                (
                    "quote",
                    {
                        "quote": "Quinze jours, cela paraît peu. Mais pour un riziculteur du delta, c’est la différence entre fermer ses vannes à temps et perdre une récolte.",
                        "attribution": "Hồ Quang Vĩnh, directeur du centre de prévisions hydrologiques du Sud et négociateur vietnamien",
                    },
                ),
                (
                    "image",
                    {
                        "image": "river-summit",
                        "caption": "Les délégations des quatre pays lors de la signature, mercredi à Cần Thơ.",
                        "credit": "",
                    },
                ),
                ("heading", "De la transparence plutôt que des quotas"),
                (
                    "paragraph",
                    "L’accord ne fixe aucun volume minimal garanti, une option écartée dès le début des discussions. Plusieurs observateurs regrettent cette prudence ; les négociateurs défendent une approche par étapes, la confiance devant précéder les engagements chiffrés.",
                ),
                (
                    "fact_box",
                    {
                        "title": "L’accord de Cần Thơ en bref",
                        "items": [
                            "Signé par le Cambodge, le Laos, la Thaïlande et le Vietnam",
                            "Préavis de 15 jours avant toute forte baisse des débits",
                            "48 stations de mesure partagées en temps réel",
                            "Première évaluation après la saison sèche 2026",
                        ],
                    },
                ),
            ],
        },
        "en": {
            "section": "international",
            "kicker": "Mekong river",
            "title": "Four Mekong countries pledge to share dry-season water",
            "slug": "mekong-dry-season-water-sharing-accord",
            "lede": "Meeting in Cần Thơ, Cambodia, Laos, Thailand and Vietnam signed an agreement requiring advance warning before any sharp drop in the river’s flow.",
            "published": "2025-06-18T08:30",
            "updated": "2025-06-18T16:10",
            "authors": ["nguyen-viet-dung", "pham-thu-ha"],
            "tags": ["mekong", "water", "diplomacy", "drought"],
            "image": "river-summit",
            "source": {
                "source": "mientay-news",
                "url": _FLAGSHIP_SOURCE_URL,
                "relation": "translated",
            },
            "featured": True,
            "body": [
                (
                    "paragraph",
                    "After three days of closed-door talks, delegations from Cambodia, Laos, Thailand and Vietnam on Wednesday signed an agreement in Cần Thơ on managing the flow of the Mekong during the dry season. The text, known as the Cần Thơ Accord, commits the four countries to warning one another before any significant reduction in the river’s flow.",
                ),
                (
                    "paragraph",
                    "In practice, operators of dams and large irrigation works will have to give at least fifteen days’ notice of any cut in water releases likely to lower the river downstream by more than 30 centimetres. Readings from 48 gauging stations will also be published in real time on a shared platform.",
                ),
                ("heading", "A delta on the front line"),
                (
                    "paragraph",
                    "For Vietnam, at the very end of the river, the stakes are high. During the droughts of 2016 and 2020, weak flows allowed salt water to push more than 60 kilometres inland, ruining hundreds of thousands of hectares of rice fields and orchards.",
                ),
                (
                    "quote",
                    {
                        "quote": "Fifteen days sounds like very little. But for a rice farmer in the delta, it is the difference between closing the sluice gates in time and losing a harvest.",
                        "attribution": "Hồ Quang Vĩnh, director of the Southern Hydrological Forecasting Centre and Vietnamese negotiator",
                    },
                ),
                (
                    "image",
                    {
                        "image": "river-summit",
                        "caption": "Delegations from the four countries at the signing in Cần Thơ on Wednesday.",
                        "credit": "",
                    },
                ),
                ("heading", "Transparency rather than quotas"),
                (
                    "paragraph",
                    "The agreement sets no guaranteed minimum volume, an option dropped early in the talks. Some observers regret that caution; the negotiators defend a step-by-step approach in which trust must come before numerical commitments.",
                ),
                (
                    "fact_box",
                    {
                        "title": "The Cần Thơ Accord in brief",
                        "items": [
                            "Signed by Cambodia, Laos, Thailand and Vietnam",
                            "15 days’ notice before any sharp cut in flows",
                            "48 gauging stations shared in real time",
                            "First review after the 2026 dry season",
                        ],
                    },
                ),
            ],
        },
        "vi": {
            "section": "international",
            "kicker": "Sông Mê Kông",
            "title": "Bốn nước cam kết chia sẻ nguồn nước sông Mê Kông mùa khô",
            "slug": "thoa-thuan-chia-se-nuoc-mua-kho-mekong",
            "lede": "Tại Cần Thơ, Campuchia, Lào, Thái Lan và Việt Nam đã ký thỏa thuận yêu cầu thông báo trước mỗi khi lưu lượng dòng chảy sụt giảm mạnh.",
            "published": "2025-06-18T08:30",
            "updated": "2025-06-18T16:10",
            "authors": ["nguyen-viet-dung", "pham-thu-ha"],
            "tags": ["mê kông", "nguồn nước", "ngoại giao", "hạn hán"],
            "image": "river-summit",
            "source": {
                "source": "mientay-news",
                "url": _FLAGSHIP_SOURCE_URL,
                "relation": "republished",
            },
            "featured": True,
            "body": [
                (
                    "paragraph",
                    "Sau ba ngày đàm phán kín, sáng thứ Tư, phái đoàn Campuchia, Lào, Thái Lan và Việt Nam đã ký tại Cần Thơ thỏa thuận về quản lý dòng chảy sông Mê Kông trong mùa khô. Văn kiện, được gọi là Thỏa thuận Cần Thơ, ràng buộc bốn nước phải báo cho nhau trước mỗi lần giảm đáng kể lưu lượng dòng sông.",
                ),
                (
                    "paragraph",
                    "Cụ thể, đơn vị vận hành các đập thủy điện và công trình thủy lợi lớn phải thông báo trước ít nhất mười lăm ngày nếu giảm lượng nước xả khiến mực nước hạ lưu có thể hạ hơn 30 cm. Dữ liệu từ 48 trạm quan trắc cũng sẽ được công bố theo thời gian thực trên một nền tảng chung.",
                ),
                ("heading", "Đồng bằng ở tuyến đầu"),
                (
                    "paragraph",
                    "Với Việt Nam, quốc gia cuối nguồn, thỏa thuận có ý nghĩa đặc biệt. Trong các đợt hạn mặn năm 2016 và 2020, dòng chảy yếu đã khiến nước mặn lấn sâu hơn 60 km vào đất liền, gây thiệt hại hàng trăm nghìn héc-ta lúa và cây ăn trái.",
                ),
                (
                    "quote",
                    {
                        "quote": "Mười lăm ngày nghe thì ít. Nhưng với người trồng lúa ở đồng bằng, đó là khác biệt giữa đóng cống kịp thời và mất trắng một vụ mùa.",
                        "attribution": "Ông Hồ Quang Vĩnh, giám đốc trung tâm dự báo thủy văn phía Nam, thành viên đoàn đàm phán Việt Nam",
                    },
                ),
                (
                    "image",
                    {
                        "image": "river-summit",
                        "caption": "Phái đoàn bốn nước tại lễ ký kết ở Cần Thơ sáng thứ Tư.",
                        "credit": "",
                    },
                ),
                ("heading", "Minh bạch thay vì hạn ngạch"),
                (
                    "paragraph",
                    "Thỏa thuận không quy định lưu lượng tối thiểu bắt buộc, phương án đã bị gác lại ngay từ đầu. Một số nhà quan sát cho rằng như vậy là quá thận trọng; các nhà đàm phán thì khẳng định cần đi từng bước, xây dựng lòng tin trước khi đưa ra những cam kết bằng con số.",
                ),
                (
                    "fact_box",
                    {
                        "title": "Thỏa thuận Cần Thơ",
                        "items": [
                            "Các bên ký kết: Campuchia, Lào, Thái Lan và Việt Nam",
                            "Thông báo trước 15 ngày khi giảm mạnh lưu lượng",
                            "48 trạm quan trắc chia sẻ dữ liệu theo thời gian thực",
                            "Đánh giá lần đầu sau mùa khô năm 2026",
                        ],
                    },
                ),
            ],
        },
    },
}

# Stories waiting in the ingest inbox, as partner feeds and the wire delivered them.
INBOX = [
    {
        "key": "demo:wire:port-cua-lo",
        "via": "saigon-daily-wire",
        "lang": "en",
        "url": "https://saigon-dailywire.example/2025/03/cua-lo-port-expansion.html",
        "headline": "Cua Lo port to double its container capacity by 2027",
        "lede": "The provincial government approved a second container terminal, "
        "financed jointly by the state and two private operators.",
        "authors": ["Mai Anh"],
        "tags": ["Nghe An", "Ports"],
        "body": "<p>The new terminal will add 1.2 million tonnes of yearly capacity, officials "
        "said on Monday, and should open in the second half of 2027.</p>"
        "<h2>Dredging to start this summer</h2>"
        "<p>Dredging of the access channel will start in June; fishermen will be compensated "
        "for the three months during which the northern basin is closed.</p>"
        "<blockquote><p>This is the project the province has waited twenty years for.</p>"
        "<cite>Nguyễn Văn Đệ, vice-chairman of the provincial committee</cite></blockquote>",
    },
    {
        "key": "demo:feed:lua-nep",
        "via": "mekong-river-bulletin",
        "lang": "vi",
        "url": "https://mekong-bulletin.example/lua-nep-cai-hoa.html",
        "headline": "Nông dân Cái Hoa được mùa lúa nếp",
        "lede": "Năng suất lúa nếp vụ đông xuân đạt gần 7 tấn mỗi héc-ta, cao nhất trong năm năm.",
        "authors": ["Trần Bảo"],
        "tags": ["Nông nghiệp"],
        "body": "<p>Giá thu mua tại ruộng dao động từ 8.000 đến 8.500 đồng mỗi ký, thương lái "
        "đến tận nơi để đặt cọc.</p><p>Hợp tác xã dự kiến mở rộng diện tích thêm 200 héc-ta "
        "trong vụ tới.</p>",
    },
    {
        "key": "demo:feed:festival-lanternes",
        "via": "mientay-news",
        "lang": "fr",
        "url": "https://mientay-news.example/festival-des-lanternes.html",
        "headline": "Le festival des lanternes attire des milliers de visiteurs à Hoi An",
        "lede": "La vieille ville a accueilli plus de 40 000 visiteurs pour la pleine lune.",
        "authors": ["Lê Hương"],
        "tags": ["Culture"],
        "body": "<p>Les commerçants de la vieille ville ont éteint les lumières électriques à "
        "partir de 18 heures, laissant les lanternes de soie éclairer les rues.</p>"
        "<p>La municipalité envisage de limiter l'accès aux ponts les soirs de pleine lune.</p>",
    },
    {
        # The same story again, through another feed, with tracking parameters: a duplicate.
        "key": "demo:feed:festival-lanternes-bis",
        "via": "agence-asie-pacifique",
        "lang": "fr",
        "url": "https://mientay-news.example/festival-des-lanternes.html?utm_source=rss",
        "headline": "Festival des lanternes : des milliers de visiteurs à Hoi An",
        "lede": "La vieille ville a accueilli plus de 40 000 visiteurs pour la pleine lune.",
        "authors": ["Lê Hương"],
        "tags": ["Culture"],
        "body": "<p>Les commerçants de la vieille ville ont éteint les lumières électriques.</p>",
    },
]
