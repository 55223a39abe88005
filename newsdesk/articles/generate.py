"""Synthetic published stories, written fast: for benchmarks and for scale tests.

``generate_articles(count=…)`` files ``count`` stories in the editions' sections, in the
month folders of their publication dates, as a newsroom would have: headline, lede, a kicker
now and then, a body of 400 to 1,200 words in the edition's language, one to three authors,
tags. Everything is drawn from a seeded random generator, so one seed gives the same stories.

The words are real (French, English, Vietnamese with its diacritics) and drawn with
Zipf-like frequencies from phrase lists: common words are in most stories, the ``"rare"``
phrases in a few per thousand, so full-text search meets realistic statistics.

Speed comes from writing a batch at once rather than a page at a time: the tree paths of a
month folder's new children are computed here (Wagtail's own ``add_child`` locks, reads and
writes the parent for every page), the page and article rows, bylines and tags are inserted
in bulk, each folder's ``numchild`` is raised once per batch, and the batch is indexed for
search in one call; the next batch's text is written in a thread meanwhile. Each batch is
one transaction: an interrupted run leaves whole batches, and the tree stays valid (the
batch's folders are locked while it is written). No revision is written: the stories are
live as the ``quick`` test factory makes them. Not for a real site.
"""

import itertools
import random
import string
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from anyascii import anyascii
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Max
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from newsdesk.authors.models import Author
from newsdesk.editions.models import HomePage
from newsdesk.sections.models import MonthArchivePage, SectionPage

from .models import ArticleAuthor, ArticlePage, ArticlePageTag, NewsTag
from .services import get_month_folder

BODY_WORDS = (400, 1200)
FOCUS = 0.9  # of the things and actors a story names, how many are its topic's
RARE_SHARE = 0.03  # of the phrases a story names, how many come from the rare list
AUTHORS_PER_EDITION = 24
_BUFFER = 4096

# ---------------------------------------------------------------------------------------
# Words. Phrase lists run from the commonest to the rarest: draws favour the first items.
# ---------------------------------------------------------------------------------------

# fmt: off
FR = {
    "sections": [
        "International", "Politique", "Économie", "Société", "Environnement", "Sport", "Culture",
    ],
    "author_job": "Journaliste",
    "subjects": [
        "le gouvernement", "le Premier ministre", "la ministre de la Santé",
        "le ministère des Finances", "la mairie de Hanoï", "le comité populaire de la ville",
        "l'Assemblée nationale", "la Banque centrale", "la Commission européenne",
        "le syndicat des enseignants", "l'association des consommateurs", "la chambre de commerce",
        "le président de la région", "la préfecture", "l'entreprise publique d'électricité",
        "le groupe automobile", "la compagnie aérienne nationale", "l'université de Hanoï",
        "l'hôpital Bạch Mai", "la police municipale", "le tribunal administratif", "l'opposition",
        "le patronat", "la fédération de football", "l'Organisation mondiale de la santé",
        "l'agence de notation", "le port de Hải Phòng", "la coopérative agricole",
        "le conseil municipal", "le ministère de l'Éducation", "le ministère de l'Environnement",
        "la direction de l'usine", "l'ambassade de France", "le maire",
        "la porte-parole du gouvernement", "le directeur de l'hôpital", "la Cour des comptes",
        "l'institut de statistique", "le Fonds monétaire international", "la Banque mondiale",
        "le consortium", "la société de transport", "le festival", "l'équipe nationale",
        "l'entraîneur", "le club", "la jeune pousse", "le collectif d'habitants",
    ],
    "verbs": [
        "a annoncé", "a présenté", "a critiqué", "a soutenu", "a préparé", "a examiné", "a adopté",
        "a rejeté", "a défendu", "a lancé", "a suspendu", "a financé", "a étudié", "a dénoncé",
        "a proposé", "a confirmé", "a relancé", "a reporté", "a approuvé", "a contesté",
        "a dévoilé", "a salué", "a inauguré", "a renforcé", "a réduit", "a prolongé", "a signé",
        "a remis en cause", "a précisé", "a détaillé", "a publié", "a évalué", "a accéléré",
        "a freiné",
    ],
    "verbs_now": [
        "annonce", "présente", "critique", "soutient", "prépare", "examine", "adopte", "rejette",
        "défend", "lance", "suspend", "finance", "dénonce", "propose", "confirme", "relance",
        "reporte", "approuve", "conteste", "dévoile", "inaugure", "renforce", "réduit", "prolonge",
        "signe",
    ],
    "infinitives": [
        "soutenir", "financer", "protéger", "réformer", "moderniser", "améliorer", "renforcer",
        "accélérer", "relancer", "examiner", "réduire", "prolonger", "défendre", "repenser",
        "simplifier", "encadrer", "évaluer", "développer",
    ],
    "things": [
        "la réforme fiscale", "le budget de l'État", "un plan de relance", "la hausse des prix",
        "le prix de l'électricité", "la pollution de l'air", "le réseau de métro",
        "la ligne de métro aérien", "le projet d'autoroute", "la sécurité routière",
        "le système de santé", "la vaccination des enfants", "la rentrée scolaire",
        "l'examen de fin d'études secondaires", "la formation des enseignants",
        "le salaire minimum", "les retraites", "le marché du travail", "le taux de chômage",
        "les exportations de riz", "la récolte de café", "la production de crevettes",
        "le tourisme international", "la saison des pluies", "les inondations", "la sécheresse",
        "la montée des eaux", "l'érosion des côtes", "la transition énergétique",
        "l'énergie solaire", "les parcs éoliens en mer", "les centrales à charbon",
        "la qualité de l'eau", "le traitement des déchets", "le recyclage du plastique",
        "la protection des forêts", "la biodiversité", "le logement social", "le prix des loyers",
        "le marché immobilier", "la spéculation foncière", "les investissements étrangers",
        "l'accord de libre-échange", "les droits de douane", "la croissance économique",
        "l'inflation", "le taux d'intérêt", "la monnaie nationale", "la dette publique",
        "les petites entreprises", "le secteur bancaire", "la lutte contre la corruption",
        "la réforme administrative", "la liberté de la presse", "les élections locales",
        "le référendum", "la campagne électorale", "le débat parlementaire",
        "la loi sur le numérique", "la cybersécurité", "l'intelligence artificielle",
        "les réseaux sociaux", "la désinformation", "la protection des données",
        "le commerce en ligne", "les paiements mobiles", "le télétravail", "la circulation à moto",
        "les transports publics", "le prix de l'essence", "la construction du pont",
        "l'aéroport de Long Thành", "le port en eau profonde",
        "la ligne ferroviaire à grande vitesse", "le patrimoine culturel",
        "la restauration de la citadelle", "le festival de cinéma",
        "l'exposition d'art contemporain", "la saison théâtrale", "le championnat national",
        "la Coupe d'Asie", "les Jeux d'Asie du Sud-Est", "la sélection nationale",
        "le marathon de la ville", "la santé mentale", "les urgences", "la pénurie de médicaments",
        "l'épidémie de dengue", "la grippe saisonnière", "la sécurité alimentaire",
        "le prix du riz", "les marchés de gros", "les producteurs de fruits", "le delta du Mékong",
        "les pêcheurs", "les travailleurs migrants", "la population âgée", "la natalité",
        "l'égalité entre les femmes et les hommes", "les violences domestiques",
        "la réforme de la justice", "le procès", "l'enquête judiciaire",
        "la coopération régionale", "les relations diplomatiques", "la visite officielle",
        "le sommet régional", "la mer de l'Est", "les négociations commerciales",
        "l'aide humanitaire", "la reconstruction", "la gestion des catastrophes",
        "le système d'alerte", "les embouteillages", "l'urbanisation", "les espaces verts",
        "le marché de nuit", "la cuisine de rue", "le tourisme durable",
    ],
    "rare": [
        "la riziculture biologique", "les mangroves", "l'ostréiculture", "la photosynthèse",
        "les sédiments", "la salinisation", "le sismographe", "la télémédecine", "la dialyse",
        "l'orthophonie", "la marqueterie", "la laque traditionnelle", "la céramique de Bát Tràng",
        "les marionnettes sur l'eau", "la calligraphie", "le lombricompostage",
        "l'hydroélectricité", "les terres rares", "le lithium", "la cryptomonnaie",
        "la chaîne de blocs", "le microcrédit", "l'apiculture", "la sériciculture", "les lucioles",
        "les pangolins", "les langurs", "le saola", "les dugongs", "les tortues marines",
        "la dengue hémorragique", "la tuberculose multirésistante", "l'ophtalmologie",
        "la néonatalogie", "la géothermie", "l'hydrogène vert", "les microplastiques",
        "le dessalement", "le typhon Yagi", "le glissement de terrain", "la digue de protection",
        "l'archéologie sous-marine", "les fresques", "la numismatique", "l'herbier", "le pisé",
        "la vannerie", "l'aquaponie", "le kitesurf", "l'escalade", "le badminton",
        "le sepak takraw", "les échecs", "le vovinam", "le cải lương", "le quan họ",
        "la cithare monocorde", "l'opéra tuồng", "le nước mắm", "le phở", "le bánh mì",
        "les litchis", "le durian", "le fruit du dragon", "la cannelle", "le poivre noir",
        "la noix de cajou", "le caoutchouc", "le bambou", "le rotin", "les jonques", "les sampans",
        "la lagune", "l'estuaire", "les karsts", "les grottes", "la baie d'Hạ Long",
        "le parc national de Cúc Phương", "la réserve de biosphère", "les ornithologues",
        "la philatélie", "l'astronomie", "la météorite", "le satellite d'observation",
        "le supercalculateur", "les semi-conducteurs", "la fibre optique", "le câble sous-marin",
        "le brevet", "la propriété intellectuelle", "la contrefaçon", "le blanchiment d'argent",
        "l'évasion fiscale", "le surendettement", "la faillite", "la médiation", "l'arbitrage",
        "le moratoire",
    ],
    "places": [
        "à Hanoï", "à Hô Chi Minh-Ville", "à Đà Nẵng", "à Huế", "à Cần Thơ", "à Hải Phòng",
        "à Nha Trang", "à Đà Lạt", "à Vinh", "à Quy Nhơn", "dans le delta du Mékong",
        "dans la province de Quảng Nam", "dans les provinces du Nord", "dans le centre du pays",
        "sur les hauts plateaux", "à Paris", "à Lyon", "à Marseille", "à Bruxelles", "à Genève",
        "à Montréal", "à Dakar", "à Phnom Penh", "à Vientiane", "à Bangkok", "à Singapour",
        "à Tokyo", "à Séoul", "à Pékin", "à Washington", "à Berlin", "à New Delhi", "à Jakarta",
        "à Manille", "dans la capitale", "en banlieue",
    ],
    "cities": [
        "Hanoï", "Hô Chi Minh-Ville", "Đà Nẵng", "Huế", "Cần Thơ", "Hải Phòng", "Paris",
        "Bruxelles", "Genève", "Phnom Penh", "Bangkok", "Tokyo", "Delta du Mékong",
    ],
    "times": [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "ce week-end",
        "la semaine dernière", "depuis janvier", "d'ici à la fin de l'année",
        "au premier trimestre", "cette année", "l'an dernier", "depuis plusieurs mois",
        "dans les prochains jours", "en début de semaine", "hier soir", "ce matin",
        "au cours des dix dernières années",
    ],
    "connectors": [
        "Par ailleurs,", "Dans le même temps,", "Selon les experts,", "De son côté,",
        "En revanche,", "Pour l'instant,", "À terme,", "En attendant,", "Toutefois,", "Au total,",
        "D'après les premières estimations,", "Sur le terrain,", "Comme prévu,", "Malgré tout,",
        "En outre,",
    ],
    "sources": [
        "l'agence de presse nationale", "le quotidien Tuổi Trẻ", "un communiqué officiel",
        "des sources diplomatiques", "l'Office général des statistiques",
        "un rapport de la Banque mondiale", "les médias locaux", "un responsable du ministère",
        "des témoins", "les organisateurs",
    ],
    "roles": [
        "porte-parole du ministère", "économiste à l'université nationale",
        "président de l'association", "directrice de l'hôpital", "chercheur à l'institut",
        "responsable syndical", "adjoint au maire", "experte en environnement",
        "chef d'entreprise", "agricultrice dans le delta", "professeur de droit",
        "député de la province", "analyste financier", "enseignante", "commerçant du marché",
    ],
    "units": [
        "habitants", "familles", "entreprises", "hectares", "milliards de dongs",
        "millions d'euros", "kilomètres", "élèves", "patients", "tonnes",
    ],
    "names": (
        [
            "Claire", "Marc", "Sophie", "Julien", "Camille", "Thomas", "Élodie", "Nicolas", "Léa",
            "Antoine", "Mathilde", "Hugo", "Inès", "Pierre", "Chloé", "Étienne", "Manon",
            "François", "Aurélie", "Benoît", "Hélène", "Maxime", "Amélie", "Raphaël", "Margaux",
            "Laurent", "Anaïs", "Sébastien", "Céline", "Grégoire",
        ],
        [
            "Dubois", "Lefèvre", "Martin", "Bernard", "Moreau", "Laurent", "Girard", "Fournier",
            "Mercier", "Rousseau", "Blanc", "Guérin", "Faure", "André", "Chevalier", "Leroy",
            "Gauthier", "Perrin", "Morel", "Lemaire", "Nguyen", "Tran", "Pham", "Lê", "Renaud",
            "Fontaine", "Marchand", "Dupuis", "Caron", "Brunet",
        ],
    ),
    "kickers": [
        "Reportage", "Analyse", "Enquête", "Décryptage", "Entretien", "Environnement", "Éducation",
        "Santé", "Économie", "Diplomatie", "Transport", "Climat", "Agriculture",
    ],
    "tags": [
        "Climat", "Éducation", "Santé", "Économie", "Politique", "Transport", "Énergie",
        "Agriculture", "Environnement", "Justice", "Culture", "Sport", "Tourisme", "Numérique",
        "Logement", "Emploi", "Commerce", "Diplomatie", "Sécurité", "Immobilier", "Inondations",
        "Pollution", "Santé publique", "Élections", "Budget", "Inflation", "Riz", "Café", "Pêche",
        "Patrimoine", "Hanoï", "Hô Chi Minh-Ville", "Đà Nẵng", "Huế", "Mékong", "Europe",
        "Asie du Sud-Est",
    ],
    "sentences": [
        "{S} {verb} {obj} {place}, {time}.", "{S} {verb} {objof} {time}.",
        "{connector} {s} {verb} {obj}.", "Selon {source}, {s} {verb} {objof}.",
        "« {quote} », a déclaré {person}, {role}.", "« {quote} », estime {person}, {role}.",
        "{S} {verb} {obj}, pour un montant de {num} {unit}.",
        "{S} {verb} {obj} {place} et {verb} {obj}.",
        "Cette décision intervient alors que {s} {verb} {objof}.",
        "D'après {person}, {role}, {s} {verb} {obj} {time}.",
        "Au total, {num} {unit} sont concernés par {obj} {place}.",
        "Le dossier {of} reste au cœur des discussions {place}.",
        "{Obj} et {obj} figurent parmi les priorités {time}.",
        "Les habitants attendent des mesures concrètes sur {obj} {place}.",
    ],
    "quotes": [
        "Nous voulons {inf} {obj} {time}", "Il faut {inf} {obj} sans attendre",
        "C'est une étape importante pour {obj}", "Personne ne peut ignorer {obj}",
        "Nous allons {inf} {obj}", "Nous devons {inf} {obj} {place}",
    ],
    "headlines": [
        "{S} {verb_now} {obj}", "{city} : {s} {verb_now} {obj}", "{Obj} : {s} {verb_now} {obj}",
        "{S} {verb_now} {objof}",
    ],
    "headings": [
        "{Obj}", "Les enjeux {of}", "Ce qui change {place}", "Des réactions contrastées",
        "Un calendrier serré", "Et maintenant ?",
    ],
    "number_format": (" ", ","),
}

EN = {
    "sections": [
        "World", "Politics", "Business", "Society", "Environment", "Sport", "Culture",
    ],
    "author_job": "Reporter",
    "subjects": [
        "the government", "the prime minister", "the health minister", "the finance ministry",
        "Hanoi's city council", "the city's people's committee", "the National Assembly",
        "the central bank", "the European Commission", "the teachers' union",
        "the consumer association", "the chamber of commerce", "the regional governor",
        "the provincial authorities", "the state electricity company", "the carmaker",
        "the national airline", "Hanoi University", "Bach Mai hospital", "the city police",
        "the administrative court", "the opposition", "the employers' federation",
        "the football federation", "the World Health Organization", "the rating agency",
        "Hai Phong port", "the farming cooperative", "the municipal council",
        "the education ministry", "the environment ministry", "the factory management",
        "the French embassy", "the mayor", "the government spokeswoman", "the hospital director",
        "the state audit office", "the statistics office", "the International Monetary Fund",
        "the World Bank", "the consortium", "the transport company", "the festival",
        "the national team", "the head coach", "the club", "the start-up", "the residents' group",
    ],
    "verbs": [
        "announced", "presented", "criticised", "backed", "prepared", "reviewed", "adopted",
        "rejected", "defended", "launched", "suspended", "funded", "studied", "denounced",
        "proposed", "confirmed", "revived", "postponed", "approved", "challenged", "unveiled",
        "welcomed", "opened", "strengthened", "cut", "extended", "signed", "questioned",
        "outlined", "detailed", "published", "assessed", "accelerated", "slowed",
    ],
    "verbs_now": [
        "announces", "presents", "criticises", "backs", "prepares", "reviews", "adopts", "rejects",
        "defends", "launches", "suspends", "funds", "denounces", "proposes", "confirms", "revives",
        "postpones", "approves", "challenges", "unveils", "opens", "strengthens", "cuts",
        "extends", "signs",
    ],
    "infinitives": [
        "support", "fund", "protect", "reform", "modernise", "improve", "strengthen", "speed up",
        "revive", "review", "reduce", "extend", "defend", "rethink", "simplify", "regulate",
        "assess", "develop",
    ],
    "things": [
        "the tax reform", "the state budget", "a stimulus package", "rising prices",
        "the price of electricity", "air pollution", "the metro network",
        "the elevated railway line", "the motorway project", "road safety", "the health system",
        "childhood vaccination", "the new school year", "the high-school graduation exam",
        "teacher training", "the minimum wage", "pensions", "the labour market",
        "the unemployment rate", "rice exports", "the coffee harvest", "shrimp production",
        "international tourism", "the rainy season", "the floods", "the drought",
        "rising sea levels", "coastal erosion", "the energy transition", "solar power",
        "offshore wind farms", "coal-fired power plants", "water quality", "waste treatment",
        "plastic recycling", "forest protection", "biodiversity", "social housing", "rents",
        "the property market", "land speculation", "foreign investment",
        "the free-trade agreement", "import tariffs", "economic growth", "inflation",
        "interest rates", "the national currency", "public debt", "small businesses",
        "the banking sector", "the fight against corruption", "administrative reform",
        "press freedom", "the local elections", "the referendum", "the election campaign",
        "the parliamentary debate", "the digital law", "cybersecurity", "artificial intelligence",
        "social media", "disinformation", "data protection", "online retail", "mobile payments",
        "remote work", "motorbike traffic", "public transport", "petrol prices",
        "the bridge construction", "Long Thanh airport", "the deep-water port",
        "the high-speed railway", "cultural heritage", "the restoration of the citadel",
        "the film festival", "the contemporary art exhibition", "the theatre season",
        "the national league", "the Asian Cup", "the Southeast Asian Games", "the national squad",
        "the city marathon", "mental health", "emergency departments", "medicine shortages",
        "the dengue outbreak", "seasonal flu", "food security", "the price of rice",
        "wholesale markets", "fruit growers", "the Mekong Delta", "fishermen", "migrant workers",
        "the elderly", "the birth rate", "gender equality", "domestic violence", "judicial reform",
        "the trial", "the criminal investigation", "regional cooperation", "diplomatic relations",
        "the official visit", "the regional summit", "the South China Sea",
        "the trade negotiations", "humanitarian aid", "reconstruction", "disaster management",
        "the early-warning system", "traffic jams", "urbanisation", "green spaces",
        "the night market", "street food", "sustainable tourism",
    ],
    "rare": [
        "organic rice farming", "mangroves", "oyster farming", "photosynthesis", "sediments",
        "salinisation", "the seismograph", "telemedicine", "dialysis", "speech therapy",
        "mother-of-pearl inlay", "lacquerware", "Bat Trang ceramics", "water puppetry",
        "calligraphy", "vermicomposting", "hydropower", "rare earths", "lithium", "cryptocurrency",
        "blockchain", "microcredit", "beekeeping", "sericulture", "fireflies", "pangolins",
        "langurs", "the saola", "dugongs", "sea turtles", "severe dengue",
        "drug-resistant tuberculosis", "ophthalmology", "neonatal care", "geothermal energy",
        "green hydrogen", "microplastics", "desalination", "Typhoon Yagi", "the landslide",
        "the sea dyke", "underwater archaeology", "the frescoes", "numismatics", "the herbarium",
        "rammed earth", "basketry", "aquaponics", "kitesurfing", "climbing", "badminton",
        "sepak takraw", "chess", "vovinam", "cai luong opera", "quan ho singing",
        "the monochord zither", "tuong opera", "fish sauce", "pho", "banh mi", "lychees", "durian",
        "dragon fruit", "cinnamon", "black pepper", "cashews", "rubber", "bamboo", "rattan",
        "junks", "sampans", "the lagoon", "the estuary", "karst peaks", "the caves", "Ha Long Bay",
        "Cuc Phuong National Park", "the biosphere reserve", "ornithologists", "stamp collecting",
        "astronomy", "the meteorite", "the observation satellite", "the supercomputer",
        "semiconductors", "fibre optics", "the undersea cable", "the patent",
        "intellectual property", "counterfeiting", "money laundering", "tax evasion",
        "over-indebtedness", "bankruptcy", "mediation", "arbitration", "the moratorium",
    ],
    "places": [
        "in Hanoi", "in Ho Chi Minh City", "in Da Nang", "in Hue", "in Can Tho", "in Hai Phong",
        "in Nha Trang", "in Da Lat", "in Vinh", "in Quy Nhon", "in the Mekong Delta",
        "in Quang Nam province", "in the northern provinces", "in the centre of the country",
        "in the Central Highlands", "in Paris", "in Lyon", "in Brussels", "in Geneva",
        "in Montreal", "in Dakar", "in Phnom Penh", "in Vientiane", "in Bangkok", "in Singapore",
        "in Tokyo", "in Seoul", "in Beijing", "in Washington", "in Berlin", "in New Delhi",
        "in Jakarta", "in Manila", "in the capital", "in the suburbs",
    ],
    "cities": [
        "Hanoi", "Ho Chi Minh City", "Da Nang", "Hue", "Can Tho", "Hai Phong", "Paris", "Brussels",
        "Geneva", "Phnom Penh", "Bangkok", "Tokyo", "Mekong Delta",
    ],
    "times": [
        "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "this weekend", "last week", "since January", "by the end of the year",
        "in the first quarter", "this year", "last year", "for several months",
        "in the coming days", "early this week", "last night", "this morning",
        "over the past decade",
    ],
    "connectors": [
        "Meanwhile,", "At the same time,", "According to experts,", "For its part,",
        "By contrast,", "For now,", "In the long run,", "In the meantime,", "However,",
        "In total,", "According to early estimates,", "On the ground,", "As expected,", "Even so,",
        "In addition,",
    ],
    "sources": [
        "the national news agency", "the Tuoi Tre newspaper", "an official statement",
        "diplomatic sources", "the General Statistics Office", "a World Bank report",
        "local media", "a ministry official", "witnesses", "the organisers",
    ],
    "roles": [
        "a ministry spokesman", "an economist at the national university",
        "president of the association", "the hospital's director", "a researcher at the institute",
        "a union official", "the deputy mayor", "an environmental expert", "a business owner",
        "a farmer in the delta", "a law professor", "a provincial deputy", "a financial analyst",
        "a teacher", "a market trader",
    ],
    "units": [
        "people", "households", "companies", "hectares", "billion dong", "million dollars",
        "kilometres", "pupils", "patients", "tonnes",
    ],
    "names": (
        [
            "Sarah", "James", "Emily", "Daniel", "Laura", "Michael", "Hannah", "David", "Rachel",
            "Thomas", "Olivia", "Matthew", "Grace", "Andrew", "Chloe", "Peter", "Rebecca",
            "Samuel", "Megan", "Robert", "Alice", "Jonathan", "Katherine", "William", "Lucy",
            "Christopher", "Helen", "Benjamin", "Jessica", "Mark",
        ],
        [
            "Mitchell", "Carter", "Hughes", "Walker", "Bennett", "Collins", "Turner", "Parker",
            "Evans", "Edwards", "Morgan", "Reed", "Cooper", "Ward", "Brooks", "Price", "Kelly",
            "Sanders", "Foster", "Hayes", "Nguyen", "Tran", "Pham", "Le", "Fletcher", "Harper",
            "Lawson", "Gray", "Palmer", "Shaw",
        ],
    ),
    "kickers": [
        "Report", "Analysis", "Investigation", "Explainer", "Interview", "Environment",
        "Education", "Health", "Economy", "Diplomacy", "Transport", "Climate", "Agriculture",
    ],
    "tags": [
        "Climate", "Education", "Health", "Economy", "Politics", "Transport", "Energy",
        "Agriculture", "Environment", "Justice", "Culture", "Sport", "Tourism", "Digital",
        "Housing", "Jobs", "Trade", "Diplomacy", "Security", "Property", "Floods", "Pollution",
        "Public health", "Elections", "Budget", "Inflation", "Rice", "Coffee", "Fisheries",
        "Heritage", "Hanoi", "Ho Chi Minh City", "Da Nang", "Hue", "Mekong", "Europe",
        "Southeast Asia",
    ],
    "sentences": [
        "{S} {verb} {obj} {place} {time}.", "{S} {verb} {objof} {time}.",
        "{connector} {s} {verb} {obj}.", "According to {source}, {s} {verb} {objof}.",
        "“{quote}”, said {person}, {role}.", "“{quote}”, {person}, {role}, told reporters.",
        "{S} {verb} {obj}, at a cost of {num} {unit}.",
        "{S} {verb} {obj} {place} and {verb} {obj}.", "The decision comes as {s} {verb} {objof}.",
        "According to {person}, {role}, {s} {verb} {obj} {time}.",
        "In total, {num} {unit} are affected by {obj} {place}.",
        "The question {of} remains at the heart of the discussions {place}.",
        "{Obj} and {obj} are among the priorities {time}.",
        "Residents are waiting for concrete measures on {obj} {place}.",
    ],
    "quotes": [
        "We want to {inf} {obj} {time}", "We must {inf} {obj} without delay",
        "This is an important step for {obj}", "Nobody can ignore {obj}",
        "We are going to {inf} {obj}", "We need to {inf} {obj} {place}",
    ],
    "headlines": [
        "{S} {verb_now} {obj}", "{city}: {s} {verb_now} {obj}", "{Obj}: {s} {verb_now} {obj}",
        "{S} {verb_now} {objof}",
    ],
    "headings": [
        "{Obj}", "The question {of}", "What changes {place}", "Mixed reactions",
        "A tight timetable", "What comes next",
    ],
    "number_format": (",", "."),
}

VI = {
    "sections": [
        "Thế giới", "Thời sự", "Kinh tế", "Xã hội", "Môi trường", "Thể thao", "Văn hóa",
    ],
    "author_job": "Phóng viên",
    "subjects": [
        "Chính phủ", "Thủ tướng", "Bộ Y tế", "Bộ Tài chính", "UBND thành phố Hà Nội", "Quốc hội",
        "Ngân hàng Nhà nước", "Bộ Giáo dục và Đào tạo", "Bộ Tài nguyên và Môi trường",
        "Sở Giao thông vận tải", "hiệp hội doanh nghiệp",
        "Phòng Thương mại và Công nghiệp Việt Nam", "Tổng công ty Điện lực",
        "hãng hàng không quốc gia", "Đại học Quốc gia Hà Nội", "Bệnh viện Bạch Mai",
        "Công an thành phố", "Tòa án nhân dân", "Tổng cục Thống kê", "Ủy ban châu Âu",
        "Tổ chức Y tế Thế giới", "Ngân hàng Thế giới", "Quỹ Tiền tệ Quốc tế", "cảng Hải Phòng",
        "hợp tác xã nông nghiệp", "hội đồng nhân dân tỉnh", "ban quản lý dự án",
        "đại sứ quán Pháp", "chủ tịch tỉnh", "người phát ngôn Bộ Ngoại giao", "giám đốc bệnh viện",
        "Kiểm toán Nhà nước", "liên đoàn bóng đá", "đội tuyển quốc gia", "huấn luyện viên trưởng",
        "câu lạc bộ", "công ty khởi nghiệp", "người dân địa phương", "nhà đầu tư nước ngoài",
        "tập đoàn công nghệ",
    ],
    "verbs": [
        "công bố", "trình bày", "chỉ trích", "ủng hộ", "chuẩn bị", "xem xét", "thông qua",
        "bác bỏ", "bảo vệ", "khởi động", "tạm dừng", "tài trợ", "nghiên cứu", "lên án", "đề xuất",
        "xác nhận", "tái khởi động", "hoãn", "phê duyệt", "phản đối", "giới thiệu", "hoan nghênh",
        "khánh thành", "tăng cường", "cắt giảm", "gia hạn", "ký kết", "rà soát", "đánh giá",
        "đẩy nhanh", "triển khai", "kiểm tra", "cải thiện", "điều chỉnh",
    ],
    "verbs_now": [
        "công bố", "trình bày", "chỉ trích", "ủng hộ", "chuẩn bị", "xem xét", "thông qua",
        "bác bỏ", "khởi động", "tạm dừng", "tài trợ", "đề xuất", "xác nhận", "hoãn", "phê duyệt",
        "phản đối", "khánh thành", "tăng cường", "cắt giảm", "gia hạn", "ký kết", "triển khai",
    ],
    "infinitives": [
        "hỗ trợ", "tài trợ", "bảo vệ", "cải cách", "hiện đại hóa", "cải thiện", "tăng cường",
        "đẩy nhanh", "khôi phục", "rà soát", "giảm", "kéo dài", "đơn giản hóa", "quản lý",
        "đánh giá", "phát triển",
    ],
    "things": [
        "cải cách thuế", "ngân sách nhà nước", "gói kích thích kinh tế", "giá cả tăng cao",
        "giá điện", "ô nhiễm không khí", "mạng lưới tàu điện ngầm", "tuyến đường sắt đô thị",
        "dự án đường cao tốc", "an toàn giao thông", "hệ thống y tế", "tiêm chủng cho trẻ em",
        "năm học mới", "kỳ thi tốt nghiệp trung học phổ thông", "đào tạo giáo viên",
        "lương tối thiểu", "chế độ hưu trí", "thị trường lao động", "tỷ lệ thất nghiệp",
        "xuất khẩu gạo", "vụ thu hoạch cà phê", "sản lượng tôm", "du lịch quốc tế", "mùa mưa bão",
        "lũ lụt", "hạn hán", "nước biển dâng", "sạt lở bờ biển", "chuyển đổi năng lượng",
        "điện mặt trời", "điện gió ngoài khơi", "nhà máy nhiệt điện than", "chất lượng nước",
        "xử lý rác thải", "tái chế nhựa", "bảo vệ rừng", "đa dạng sinh học", "nhà ở xã hội",
        "giá thuê nhà", "thị trường bất động sản", "đầu cơ đất đai", "vốn đầu tư nước ngoài",
        "hiệp định thương mại tự do", "thuế nhập khẩu", "tăng trưởng kinh tế", "lạm phát",
        "lãi suất", "tỷ giá", "nợ công", "doanh nghiệp nhỏ và vừa", "hệ thống ngân hàng",
        "công tác phòng chống tham nhũng", "cải cách hành chính", "tự do báo chí",
        "bầu cử địa phương", "cuộc trưng cầu ý dân", "chiến dịch tranh cử", "kỳ họp Quốc hội",
        "luật chuyển đổi số", "an ninh mạng", "trí tuệ nhân tạo", "mạng xã hội", "tin giả",
        "bảo vệ dữ liệu cá nhân", "thương mại điện tử", "thanh toán không dùng tiền mặt",
        "làm việc từ xa", "xe máy", "giao thông công cộng", "giá xăng", "việc xây dựng cây cầu",
        "sân bay Long Thành", "cảng nước sâu", "đường sắt tốc độ cao", "di sản văn hóa",
        "việc trùng tu Hoàng thành", "liên hoan phim", "triển lãm nghệ thuật đương đại",
        "mùa diễn sân khấu", "giải bóng đá vô địch quốc gia", "Cúp châu Á", "SEA Games",
        "đội tuyển quốc gia", "giải marathon thành phố", "sức khỏe tâm thần", "khoa cấp cứu",
        "tình trạng thiếu thuốc", "dịch sốt xuất huyết", "cúm mùa", "an ninh lương thực",
        "giá lúa gạo", "chợ đầu mối", "nông dân trồng cây ăn trái", "đồng bằng sông Cửu Long",
        "ngư dân", "lao động di cư", "người cao tuổi", "tỷ lệ sinh", "bình đẳng giới",
        "bạo lực gia đình", "cải cách tư pháp", "phiên tòa", "cuộc điều tra", "hợp tác khu vực",
        "quan hệ ngoại giao", "chuyến thăm chính thức", "hội nghị thượng đỉnh khu vực",
        "Biển Đông", "đàm phán thương mại", "viện trợ nhân đạo", "công tác tái thiết",
        "phòng chống thiên tai", "hệ thống cảnh báo sớm", "ùn tắc giao thông", "đô thị hóa",
        "không gian xanh", "chợ đêm", "ẩm thực đường phố", "du lịch bền vững",
    ],
    "rare": [
        "trồng lúa hữu cơ", "rừng ngập mặn", "nghề nuôi hàu", "quang hợp", "trầm tích",
        "xâm nhập mặn", "máy đo địa chấn", "y tế từ xa", "chạy thận nhân tạo", "âm ngữ trị liệu",
        "khảm trai", "sơn mài", "gốm Bát Tràng", "múa rối nước", "thư pháp", "phân trùn quế",
        "thủy điện", "đất hiếm", "lithium", "tiền mã hóa", "chuỗi khối", "tín dụng vi mô",
        "nghề nuôi ong", "nghề trồng dâu nuôi tằm", "đom đóm", "tê tê", "voọc", "sao la",
        "bò biển", "rùa biển", "sốt xuất huyết nặng", "lao kháng thuốc", "nhãn khoa",
        "chăm sóc sơ sinh", "địa nhiệt", "hydro xanh", "vi nhựa", "khử mặn", "bão Yagi",
        "sạt lở đất", "đê chắn sóng", "khảo cổ học dưới nước", "bích họa", "sưu tầm tiền cổ",
        "mẫu cây khô", "nhà trình tường", "nghề đan lát", "mô hình aquaponics", "lướt ván diều",
        "leo núi", "cầu lông", "cầu mây", "cờ vua", "Vovinam", "cải lương", "quan họ", "đàn bầu",
        "nghệ thuật tuồng", "nước mắm", "phở", "bánh mì", "vải thiều", "sầu riêng", "thanh long",
        "quế", "hồ tiêu", "hạt điều", "cao su", "cây tre", "mây tre đan", "thuyền buồm", "đầm phá",
        "cửa sông", "núi đá vôi", "hang động", "vịnh Hạ Long", "Vườn quốc gia Cúc Phương",
        "khu dự trữ sinh quyển", "nhà điểu học", "sưu tập tem", "thiên văn học", "thiên thạch",
        "vệ tinh quan sát", "siêu máy tính", "chất bán dẫn", "cáp quang", "cáp ngầm",
        "bằng sáng chế", "sở hữu trí tuệ", "hàng giả", "rửa tiền", "trốn thuế", "nợ xấu",
        "phá sản", "hòa giải", "trọng tài thương mại", "lệnh tạm hoãn",
    ],
    "places": [
        "tại Hà Nội", "tại Thành phố Hồ Chí Minh", "tại Đà Nẵng", "tại Huế", "tại Cần Thơ",
        "tại Hải Phòng", "tại Nha Trang", "tại Đà Lạt", "tại Vinh", "tại Quy Nhơn",
        "ở đồng bằng sông Cửu Long", "ở tỉnh Quảng Nam", "ở các tỉnh phía Bắc", "ở miền Trung",
        "ở Tây Nguyên", "tại Paris", "tại Lyon", "tại Brussels", "tại Geneva", "tại Montréal",
        "tại Dakar", "tại Phnôm Pênh", "tại Viêng Chăn", "tại Bangkok", "tại Singapore",
        "tại Tokyo", "tại Seoul", "tại Bắc Kinh", "tại Washington", "tại Berlin", "tại New Delhi",
        "tại Jakarta", "tại Manila", "ở thủ đô", "ở ngoại thành",
    ],
    "cities": [
        "Hà Nội", "TP.HCM", "Đà Nẵng", "Huế", "Cần Thơ", "Hải Phòng", "Paris", "Brussels",
        "Geneva", "Phnôm Pênh", "Bangkok", "Tokyo", "Đồng bằng sông Cửu Long",
    ],
    "times": [
        "hôm thứ Hai", "hôm thứ Ba", "hôm thứ Tư", "hôm thứ Năm", "hôm thứ Sáu", "hôm thứ Bảy",
        "hôm Chủ nhật", "cuối tuần qua", "tuần trước", "từ đầu năm", "trước cuối năm nay",
        "trong quý I", "trong năm nay", "năm ngoái", "trong nhiều tháng qua",
        "trong những ngày tới", "đầu tuần này", "tối qua", "sáng nay", "trong mười năm qua",
    ],
    "connectors": [
        "Bên cạnh đó,", "Trong khi đó,", "Theo các chuyên gia,", "Về phần mình,", "Ngược lại,",
        "Hiện tại,", "Về lâu dài,", "Trong thời gian chờ đợi,", "Tuy nhiên,", "Tổng cộng,",
        "Theo ước tính ban đầu,", "Trên thực tế,", "Như dự kiến,", "Dù vậy,", "Ngoài ra,",
    ],
    "sources": [
        "Thông tấn xã Việt Nam", "báo Tuổi Trẻ", "một thông cáo chính thức",
        "các nguồn tin ngoại giao", "Tổng cục Thống kê", "báo cáo của Ngân hàng Thế giới",
        "truyền thông địa phương", "một lãnh đạo của bộ", "các nhân chứng", "ban tổ chức",
    ],
    "roles": [
        "người phát ngôn của bộ", "chuyên gia kinh tế tại Đại học Quốc gia", "chủ tịch hiệp hội",
        "giám đốc bệnh viện", "nhà nghiên cứu tại viện", "cán bộ công đoàn", "phó chủ tịch quận",
        "chuyên gia môi trường", "chủ doanh nghiệp", "nông dân ở đồng bằng", "giáo sư luật",
        "đại biểu Quốc hội", "chuyên viên phân tích tài chính", "giáo viên",
        "tiểu thương chợ Bến Thành",
    ],
    "units": [
        "người dân", "hộ gia đình", "doanh nghiệp", "ha", "tỷ đồng", "triệu USD", "km", "học sinh",
        "bệnh nhân", "tấn",
    ],
    "names": (
        [
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
        ],
        [
            "Văn An", "Thị Bình", "Minh Chi", "Quốc Dũng", "Thanh Giang", "Thu Hà", "Hữu Hải",
            "Thị Hạnh", "Đức Hùng", "Thị Hương", "Minh Khánh", "Thị Lan", "Thùy Linh",
            "Hoàng Long", "Thị Mai", "Văn Nam", "Thị Nga", "Thanh Phong", "Thu Phương", "Anh Quân",
            "Ngọc Sơn", "Minh Tâm", "Phương Thảo", "Đức Thắng", "Thu Trang", "Anh Tuấn",
            "Tường Vy", "Hải Yến", "Tiến Đạt", "Trung Hiếu",
        ],
    ),
    "kickers": [
        "Phóng sự", "Phân tích", "Điều tra", "Góc nhìn", "Phỏng vấn", "Môi trường", "Giáo dục",
        "Y tế", "Kinh tế", "Ngoại giao", "Giao thông", "Khí hậu", "Nông nghiệp",
    ],
    "tags": [
        "Khí hậu", "Giáo dục", "Y tế", "Kinh tế", "Chính trị", "Giao thông", "Năng lượng",
        "Nông nghiệp", "Môi trường", "Tư pháp", "Văn hóa", "Thể thao", "Du lịch", "Chuyển đổi số",
        "Nhà ở", "Việc làm", "Thương mại", "Ngoại giao", "An ninh", "Bất động sản", "Lũ lụt",
        "Ô nhiễm", "Y tế công cộng", "Bầu cử", "Ngân sách", "Lạm phát", "Lúa gạo", "Cà phê",
        "Thủy sản", "Di sản", "Hà Nội", "TP.HCM", "Đà Nẵng", "Mê Kông", "Châu Âu", "Đông Nam Á",
    ],
    "sentences": [
        "{S} đã {verb} {obj} {place} {time}.", "{S} {verb} {objof} {time}.",
        "{connector} {s} đã {verb} {obj}.", "Theo {source}, {s} sẽ {verb} {objof}.",
        "“{quote}”, {person}, {role}, cho biết.", "“{quote}”, {person}, {role}, nhấn mạnh.",
        "{S} đã {verb} {obj} với tổng kinh phí {num} {unit}.",
        "{S} {verb} {obj} {place} và {verb} {obj}.",
        "Quyết định này được đưa ra trong bối cảnh {s} đang {verb} {objof}.",
        "Theo {person}, {role}, {s} cần {verb} {obj} {time}.",
        "Tổng cộng {num} {unit} chịu ảnh hưởng của {obj} {place}.",
        "Vấn đề {of} vẫn là trọng tâm của các cuộc thảo luận {place}.",
        "{Obj} và {obj} là những ưu tiên {time}.",
        "Người dân mong chờ các biện pháp cụ thể về {obj} {place}.",
    ],
    "quotes": [
        "Chúng tôi sẽ {inf} {obj} {time}", "Cần phải {inf} {obj} ngay lập tức",
        "Đây là bước tiến quan trọng đối với {obj}", "Không ai có thể bỏ qua {obj}",
        "Chúng tôi quyết tâm {inf} {obj}", "Chúng ta cần {inf} {obj} {place}",
    ],
    "headlines": [
        "{S} {verb_now} {obj}", "{city}: {s} {verb_now} {obj}", "{Obj}: {s} {verb_now} {obj}",
        "{S} {verb_now} {objof}",
    ],
    "headings": [
        "{Obj}", "Những thách thức {of}", "Điều gì thay đổi {place}", "Phản ứng trái chiều",
        "Lộ trình gấp rút", "Bước tiếp theo",
    ],
    "number_format": (".", ","),
}
# fmt: on

LANGUAGE_WORDS = {"fr": FR, "en": EN, "vi": VI}
NUMBERS = [
    2, 3, 5, 7, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 100, 120, 150, 200, 250, 300, 400,
    500, 750, 1000, 1200, 1500, 2000, 2500, 3000, 5000, 7500, 10000, 12000, 15000, 20000,
    25000, 50000, 100000, 120000, 250000, 1000000,
]  # fmt: skip
CONTRACTIONS = (("le ", "du "), ("les ", "des "), ("un ", "d'un "), ("une ", "d'une "))
DECIMALS = ["1.5", "2.3", "3.5", "4.8", "6.2", "7.4", "8.1", "9.6"]


def _genitive(phrase: str, language: str) -> str:
    """“of the reform”: ``la réforme`` → ``de la réforme``, ``le budget`` → ``du budget``."""
    if language == "en":
        return f"of {phrase}"
    if language == "vi":
        return f"của {phrase}"
    for article, contracted in CONTRACTIONS:
        if phrase.startswith(article):
            return contracted + phrase[len(article) :]
    return f"de {phrase}"  # de la…, de l'…, de Hanoï


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _draws(rng, items, exponent=1.0, rare=()):
    """A function drawing from ``items``, the first ones the most often (weight
    ``1 / rank ** exponent``; each of ``rare`` gets ``RARE_SHARE`` of the total between
    them). Draws come in buffered runs: one call into ``random`` for thousands of them,
    and a draw is a step of an iterator."""
    items, rare = list(items), list(rare)
    weights = [1 / (rank + 1) ** exponent for rank in range(len(items))]
    items += rare
    if rare:
        weights += [sum(weights) * RARE_SHARE / len(rare)] * len(rare)
    cum_weights = list(itertools.accumulate(weights))
    runs = iter(lambda: rng.choices(items, cum_weights=cum_weights, k=_BUFFER), None)
    return itertools.chain.from_iterable(runs).__next__


def _compile(template: str, draws: dict) -> list:
    """``"{S} {verb} {obj}."`` as a list of functions whose results, joined, make a
    sentence: the literal parts, and a draw for each ``{slot}``."""
    pieces = []
    for literal, slot, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            pieces.append(itertools.repeat(literal).__next__)
        if slot is not None:
            pieces.append(draws[slot])
    return pieces


def _render(pieces: list) -> str:
    return "".join([piece() for piece in pieces])


class Writer:
    """Headlines, ledes and bodies in one language, from that language's phrase lists.

    Templates name their slots: ``{s}`` a subject (``{S}`` capitalised), ``{verb}``,
    ``{obj}`` a thing (``{Obj}``), ``{of}`` a thing as a complement (“of the reform”),
    ``{objof}`` both, ``{place}``, ``{time}``, ``{person}``, ``{role}``, ``{quote}``…

    A story has a topic (``new_story``): a few things and actors that most of its
    sentences name, as a real story keeps to its subject. So a word is frequent in the
    stories about it and absent from most others, as in a real archive."""

    def __init__(self, language: str, rng: random.Random):
        words = LANGUAGE_WORDS[language]
        self.language = language
        self.rng = rng
        thousands, decimal = words["number_format"]
        numbers = [f"{n:,}".replace(",", thousands) for n in NUMBERS]
        numbers += [d.replace(".", decimal) for d in DECIMALS]
        first, last = words["names"]
        things = words["things"] + words["rare"]
        subjects = words["subjects"]
        common = range(len(words["things"]))
        self._any_thing = _draws(rng, common, 0.6, rare=range(len(common), len(things)))
        self._any_subject = _draws(rng, range(len(subjects)), 0.5)
        self._things, self._subjects = [0], [0]
        chance = rng.random

        def thing() -> int:
            topic = self._things
            return topic[int(chance() * len(topic))] if chance() < FOCUS else self._any_thing()

        def subject() -> int:
            topic = self._subjects
            return topic[int(chance() * len(topic))] if chance() < FOCUS else self._any_subject()

        capital_things = [_capital(t) for t in things]
        of_things = [_genitive(t, language) for t in things]
        capital_subjects = [_capital(s) for s in subjects]
        draws = {
            "s": lambda: subjects[subject()],
            "S": lambda: capital_subjects[subject()],
            "obj": lambda: things[thing()],
            "Obj": lambda: capital_things[thing()],
            "of": lambda: of_things[thing()],
            "verb": _draws(rng, words["verbs"], 0.7),
            "verb_now": _draws(rng, words["verbs_now"], 0.7),
            "inf": _draws(rng, words["infinitives"], 0.7),
            "place": _draws(rng, words["places"], 0.7),
            "city": _draws(rng, words["cities"], 0.7),
            "time": _draws(rng, words["times"], 0.5),
            "connector": _draws(rng, words["connectors"], 0.5),
            "source": _draws(rng, words["sources"], 0.8),
            "person": _draws(rng, [f"{a} {b}" for a in first for b in last], 0.0),
            "role": _draws(rng, words["roles"], 0.5),
            "num": _draws(rng, numbers, 0.3),
            "unit": _draws(rng, words["units"], 0.5),
        }
        quotes = _draws(rng, [_compile(t, draws) for t in words["quotes"]], 0.3)
        draws["quote"] = lambda: _capital(_render(quotes()))

        def templates(name):
            compiled = [
                _compile(template.replace("{objof}", "{obj} {of}"), draws)
                for template in words[name]
            ]
            return _draws(rng, compiled, 0.3)

        self._sentences = templates("sentences")
        self._headlines = templates("headlines")
        self._headings = templates("headings")
        self._kickers = _draws(rng, words["kickers"] + words["cities"], 0.8)
        self._draws = draws

    def new_story(self) -> None:
        """Choose the next story's topic: three to six things, one to three actors."""
        rng = self.rng
        self._things = [self._any_thing() for _ in range(rng.randint(3, 6))]
        self._subjects = [self._any_subject() for _ in range(rng.randint(1, 3))]

    def sentence(self) -> str:
        return _render(self._sentences())

    def headline(self) -> str:
        return _capital(_render(self._headlines()))

    def kicker(self) -> str:
        return self._kickers()

    def person(self) -> str:
        return self._draws["person"]()

    def quote(self) -> str:
        return self._draws["quote"]()

    def lede(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 2)))

    def body(self) -> tuple[list[dict], int]:
        """Stream blocks (Wagtail's stored form) of 400 to 1,200 words, and their word
        count: paragraphs of two to five sentences, now and then a heading or a quotation."""
        rng = self.rng
        target = rng.randint(BODY_WORDS[0], BODY_WORDS[1] - 60)  # a sentence stays below
        headings = rng.random() < 0.4
        quote_at = rng.randint(2, 6) if rng.random() < 0.3 else -1
        blocks, count, paragraph = [], 0, 0
        while count < target:
            if headings and paragraph and paragraph % 4 == 0:
                text = _capital(_render(self._headings()))
                blocks.append(_block("heading", {"text": text, "level": "h2"}))
                count += len(text.split())
            if paragraph == quote_at:
                text = f"{self.quote()}."
                blocks.append(_block("quote", {"quote": text, "attribution": self.person()}))
                count += len(text.split())
            sentences = []
            for _ in range(rng.randint(2, 5)):
                sentence = self.sentence()
                sentences.append(sentence)
                count += len(sentence.split())
                if count >= target:
                    break
            blocks.append(_block("paragraph", f"<p>{' '.join(sentences)}</p>"))
            paragraph += 1
        return blocks, count


def _block(kind: str, value) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


# ---------------------------------------------------------------------------------------
# What the stories are filed under: editions, sections, authors, tags, month folders.
# ---------------------------------------------------------------------------------------


@dataclass
class Edition:
    language: str
    locale: Locale
    home: HomePage
    sections: list
    authors: list
    tags: list
    writer: Writer = field(repr=False)
    draw_tag: Callable[[], int] = field(repr=False)  # an index into ``tags``


class EditionNotFound(Exception):
    """A language was asked for that no edition is written in."""


def editions(languages=None) -> dict[str, HomePage]:
    """The edition homes by language (all of them, or those of ``languages``)."""
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    if languages:
        missing = sorted(set(languages) - set(homes))
        if missing:
            raise EditionNotFound(
                f"no edition in {', '.join(missing)} (editions: {', '.join(sorted(homes))})"
            )
        homes = {language: homes[language] for language in languages}
    return homes


def _sections(home: HomePage, language: str) -> list[SectionPage]:
    """The edition's published sections; a default set is created when it has none."""
    sections = list(SectionPage.objects.live().descendant_of(home).order_by("path"))
    if sections:
        return sections
    words = LANGUAGE_WORDS.get(language, EN)
    for title in words["sections"]:
        section = home.add_child(
            instance=SectionPage(
                title=title, slug=slugify(anyascii(title)), locale_id=home.locale_id
            )
        )
        section.save_revision().publish()
    return list(SectionPage.objects.live().descendant_of(home).order_by("path"))


def _authors(locale: Locale, language: str) -> list[Author]:
    """A pool of bylines for the edition, the same names every run (found, or created)."""
    words = LANGUAGE_WORDS.get(language, EN)
    first, last = words["names"]
    picker = random.Random(f"authors-{language}")
    names = []
    while len(names) < AUTHORS_PER_EDITION:
        name = f"{picker.choice(first)} {picker.choice(last)}"
        if name not in names:
            names.append(name)
    authors = []
    for name in names:
        author, _ = Author.objects.get_or_create(
            locale=locale,
            slug=slugify(anyascii(name)),
            defaults={"name": name, "job_title": words["author_job"]},
        )
        authors.append(author)
    return authors


def _tags(language: str) -> list[NewsTag]:
    names = LANGUAGE_WORDS.get(language, EN)["tags"]
    found = {tag.name: tag for tag in NewsTag.objects.filter(name__in=names)}
    for name in names:
        if name not in found:
            found[name] = NewsTag.objects.create(name=name)
    return [found[name] for name in names]


class _Folder:
    """A month folder and the tree step its next child gets."""

    def __init__(self, page, last_child: str | None = None):
        self.pk = page.pk
        self.path, self.depth, self.url_path = page.path, page.depth, page.url_path
        self.numchild = page.numchild
        self.next_step = self._step_after(last_child) if last_child else self._next_step()

    def _next_step(self) -> int:
        if not self.numchild:
            return 1
        last = (
            Page.objects.filter(path__startswith=self.path, depth=self.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        return self._step_after(last)

    @staticmethod
    def _step_after(path: str | None) -> int:
        return int(path[-Page.steplen :], 36) + 1 if path else 1

    def resync(self, numchild: int) -> None:
        """Someone else added or removed children since we last wrote here."""
        self.numchild = numchild
        self.next_step = self._next_step()


class _Folders:
    """Month folders by (section, year, month): the existing ones, and the last path
    among their children, read in a query or two; the others created when a story first
    needs them."""

    def __init__(self, sections):
        self._by_key = {}
        self._pages = {}
        by_path = {section.path: section for section in sections}
        levels = MonthArchivePage.FOLDER_LEVELS * Page.steplen
        locales = {section.locale_id for section in sections}
        months = MonthArchivePage.objects.filter(locale__in=locales).only(
            "path", "depth", "url_path", "numchild", "slug"
        )
        for month in months:
            section = by_path.get(month.path[:-levels])
            year = month.url_path.rstrip("/").split("/")[-2]
            if section is not None and year.isdigit() and month.slug.isdigit():
                self._pages[(section.pk, int(year), int(month.slug))] = month
        self._last_child = {}
        for depth in {page.depth for page in self._pages.values() if page.numchild}:
            self._last_child.update(
                Page.objects.filter(depth=depth + 1, locale__in=locales)
                .annotate(parent=Substr("path", 1, depth * Page.steplen))
                .values("parent")
                .annotate(last=Max("path"))
                .values_list("parent", "last")
            )

    def get(self, section, when) -> _Folder:
        local = timezone.localtime(when)
        key = (section.pk, local.year, local.month)
        folder = self._by_key.get(key)
        if folder is None:
            page = self._pages.pop(key, None) or get_month_folder(section=section, when=when)
            folder = self._by_key[key] = _Folder(page, self._last_child.get(page.path))
        return folder

    def lock(self, folders) -> None:
        """Lock the batch's folders (PostgreSQL: no ``add_child`` can slip in before the
        batch commits) and catch up with any change made since they were read."""
        pks = {folder.pk for folder in folders}
        current = dict(
            Page.objects.select_for_update().filter(pk__in=pks).values_list("pk", "numchild")
        )
        for folder in folders:
            if current[folder.pk] != folder.numchild:
                folder.resync(current[folder.pk])


# ---------------------------------------------------------------------------------------
# Writing.
# ---------------------------------------------------------------------------------------


@dataclass
class Generated:
    created: int = 0
    seconds: float = 0.0
    indexing_seconds: float = 0.0
    languages: dict = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.created / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "seconds": round(self.seconds, 3),
            "rate": round(self.rate, 1),
            "indexing_seconds": round(self.indexing_seconds, 3),
            "languages": self.languages,
        }


def generate_articles(
    *,
    count: int,
    languages: list[str] | None = None,
    seed: int = 0,
    batch_size: int = 1000,
    index: bool = True,
    years: int = 5,
    until: datetime | None = None,
    progress=None,
) -> Generated:
    """Create ``count`` published stories spread over the editions of ``languages`` (all
    by default), dated over the ``years`` before ``until`` (now), ``batch_size`` per
    transaction, indexed for search unless ``index`` is false. Returns the counts and
    timings; ``progress(n)`` is called after each batch."""
    started = time.perf_counter()
    rng = random.Random(seed)
    until = until or timezone.now()
    span = timedelta(days=365 * years).total_seconds()
    result = Generated()
    with transaction.atomic():
        chosen = [_edition(home, language, rng) for language, home in editions(languages).items()]
    folders = _Folders([section for edition in chosen for section in edition.sections])
    search = get_search_backend() if index else None
    sizes = [batch_size] * (count // batch_size) + (
        [count % batch_size] if count % batch_size else []
    )
    ContentType.objects.get_for_model(ArticlePage)  # cached before the thread needs it
    batches = (
        [_story(rng.choice(chosen), rng, until, span) for _ in range(size)] for size in sizes
    )
    done = 0
    for stories in _ahead(batches):
        size = len(stories)
        with transaction.atomic():
            articles = _write(stories, folders)
            if search is not None:
                start = time.perf_counter()
                search.add_bulk(ArticlePage, articles)
                result.indexing_seconds += time.perf_counter() - start
        for story in stories:
            language = story.edition.language
            result.languages[language] = result.languages.get(language, 0) + 1
        done += size
        if progress:
            progress(size)
    result.created = done
    result.seconds = time.perf_counter() - started
    return result


def _ahead(batches):
    """The items of ``batches``, each made in a thread while the caller works on the one
    before: the stories of the next batch are written (in Python) while the database
    stores the current one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        upcoming = pool.submit(next, batches, None)
        while (item := upcoming.result()) is not None:
            upcoming = pool.submit(next, batches, None)
            yield item


def _edition(home, language, rng) -> Edition:
    tags = _tags(language)
    return Edition(
        language=language,
        locale=home.locale,
        home=home,
        sections=_sections(home, language),
        authors=_authors(home.locale, language),
        tags=tags,
        writer=Writer(language if language in LANGUAGE_WORDS else "en", rng),
        draw_tag=_draws(rng, range(len(tags)), 0.9),
    )


@dataclass
class _Story:
    article: ArticlePage  # everything but its place in the tree
    slug: str  # to which the place in its folder is added
    edition: Edition
    section: SectionPage
    when: datetime
    words: int
    bylines: list
    tagged: list


def _story(edition: Edition, rng: random.Random, until: datetime, span: float) -> _Story:
    """A story in ``edition``: the article, its bylines and tags (in memory, for the
    search index), published at a random time in the ``span`` seconds before ``until``."""
    writer = edition.writer
    when = (until - timedelta(seconds=rng.random() * span)).replace(second=0, microsecond=0)
    writer.new_story()
    title = writer.headline()
    kicker = writer.kicker() if rng.random() < 0.3 else ""
    body, words = writer.body()
    article = ArticlePage(
        title=title,
        draft_title=title,
        locale_id=edition.locale.pk,
        live=True,
        has_unpublished_changes=False,
        first_published_at=when,
        last_published_at=when,
        published_at=when,
        kicker=kicker,
        lede=writer.lede(),
        body=body,
    )
    authors = rng.sample(edition.authors, rng.choices((1, 2, 3), weights=(80, 17, 3))[0])
    tags, wanted = set(), rng.randint(2, 5)
    while len(tags) < wanted:
        tags.add(edition.draw_tag())
    article.article_authors = [
        ArticleAuthor(author=author, sort_order=i) for i, author in enumerate(authors)
    ]
    article.tagged_items = [ArticlePageTag(tag=edition.tags[i]) for i in sorted(tags)]
    article._section = section = rng.choice(edition.sections)
    return _Story(
        article=article,
        slug=slugify(anyascii(title))[:80].rstrip("-"),
        edition=edition,
        section=section,
        when=when,
        words=words,
        bylines=list(article.article_authors.all()),
        tagged=list(article.tagged_items.all()),
    )


def _write(stories: list[_Story], folders: _Folders) -> list[ArticlePage]:
    """Insert one batch: pages, article rows, bylines, tags, and the folders' child counts.
    Returns the articles, ready to index (section, bylines and tags in memory)."""
    filed = [(story, folders.get(story.section, story.when)) for story in stories]
    folders.lock(list({id(folder): folder for _, folder in filed}.values()))
    added = defaultdict(int)
    for story, folder in filed:
        step = folder.next_step
        folder.next_step += 1
        added[folder] += 1
        article = story.article
        # The step in the folder keeps the slug unique among the article's siblings.
        article.slug = f"{story.slug}-{step}"
        article.path = Page._get_path(folder.path, folder.depth + 1, step)
        article.depth = folder.depth + 1
        article.url_path = f"{folder.url_path}{article.slug}/"

    articles = [story.article for story in stories]
    Page.objects.bulk_create(articles)
    for article in articles:
        article.page_ptr_id = article.id
    _insert_rows(ArticlePage, articles)
    ArticleAuthor.objects.bulk_create([link for story in stories for link in story.bylines])
    ArticlePageTag.objects.bulk_create([item for story in stories for item in story.tagged])

    by_count = defaultdict(list)
    for folder, n in added.items():
        by_count[n].append(folder.pk)
        folder.numchild += n
    for n, pks in by_count.items():
        Page.objects.filter(pk__in=pks).update(numchild=F("numchild") + n)
    return articles


def _insert_rows(model, objs) -> None:
    """Insert the rows of ``model``'s own table for ``objs`` (their parent rows exist):
    what ``bulk_create`` does, for a model with a parent table, which it refuses. One
    statement run for every row: PostgreSQL's bulk form (``UNNEST`` of arrays) is slower
    for long JSON bodies."""
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
