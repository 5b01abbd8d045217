"""Page chrome: what real websites print around an article, by class and language.

Written for the metamorphic tests (``tests/test_metamorphic.py``) from the kinds of page a
press release is scraped from: news sites, blogs, feed readers and aggregators, embassy
and government sites. It is written independently of the parser's own word lists on
purpose: a test drawing from the parser's list would only check the list against itself.

Every entry is chrome and nothing else: no note type (``Press Statement``, ``Remarks``),
issuing office, place, person's name or role, and no calendar date, so whatever of it
surrounds a release, a careful reader gets the same header and body from the page.

Each class maps a language (``en``, ``es``, ``fr``, ``it``, ``pt``, ``de``) to a tuple of
lines. ``chrome_lines()``, ``chrome_blocks()`` and ``title_suffixes()`` draw from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from hypothesis import strategies as st

Language = Literal["en", "es", "fr", "it", "pt", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "es", "fr", "it", "pt", "de")
Pool = Mapping[Language, tuple[str, ...]]

#: Navigation: skip links, menu toggles, section menus, account links, article paging.
NAVIGATION: Pool = {
    "en": (
        "Skip to main content", "Skip to content", "Skip navigation", "Jump to content",
        "Toggle navigation", "Main menu", "Menu", "Close menu", "Open search", "Search",
        "Search this site", "Search for:", "Home", "News", "World", "Politics", "Business",
        "Opinion", "Latest", "Top Stories", "Most Read", "Trending", "Sections",
        "Home | News | World | Politics | Contact", "NEWS WORLD POLITICS ECONOMY CULTURE",
        "Sign in", "Log in", "Register", "My Account", "Sign Out", "Back to top",
        "Previous article", "Next article", "« Previous post", "Next post »",
        "Older posts", "Newer Posts", "Newer Post Older Post Home", "All news",
        "More State Department Articles", "Show all posts", "View all", "Close",
    ),
    "es": (
        "Ir al contenido", "Saltar al contenido principal", "Menú", "Buscar", "Inicio",
        "Noticias", "Internacional", "Política", "Economía", "Opinión", "Lo último",
        "Lo más leído", "Iniciar sesión", "Registrarse", "Mi cuenta", "Volver arriba",
        "Artículo anterior", "Artículo siguiente", "Entradas anteriores", "Ver todas",
    ),
    "fr": (
        "Aller au contenu", "Aller au contenu principal", "Menu principal", "Rechercher",
        "Accueil", "Actualités", "International", "Politique", "Économie", "À la une",
        "Les plus lus", "Se connecter", "Mon compte", "Haut de page", "Article précédent",
        "Article suivant", "Tous les articles", "Fermer",
    ),
    "it": (
        "Vai al contenuto", "Salta al contenuto principale", "Cerca", "Notizie", "Esteri",
        "Politica", "Economia", "Ultime notizie", "I più letti", "Accedi", "Registrati",
        "Il mio account", "Torna su", "Articolo precedente", "Articolo successivo",
        "Effettua la tua ricerca", "Chiudi",
    ),
    "pt": (
        "Pular para o conteúdo", "Ir para o conteúdo principal", "Pesquisar", "Buscar",
        "Início", "Notícias", "Mundo", "Política", "Economia", "Últimas", "Mais lidas",
        "Entrar", "Minha conta", "Voltar ao topo", "Matéria anterior", "Próxima matéria",
        "CONTINUE EM NOSSO SITE", "Fechar",
    ),
    "de": (
        "Zum Inhalt springen", "Direkt zum Inhalt", "Hauptmenü", "Suche", "Startseite",
        "Nachrichten", "Politik", "Ausland", "Wirtschaft", "Meinung", "Neueste Artikel",
        "Meistgelesen", "Anmelden", "Mein Konto", "Nach oben", "Vorheriger Artikel",
        "Nächster Artikel", "Alle Artikel", "Schließen",
    ),
}  # fmt: skip

#: Breadcrumb trails and "you are here" lines (sections, archives, never a full date).
BREADCRUMBS: Pool = {
    "en": (
        "Home › News › World", "Home > News > International", "Home / Archives / Foreign Policy",
        "You are here: Home / News / World", "Home » World » Americas",
        "Home » Press Room » Announcements", "Home > Newsroom > Latest Updates",
        "News / World / Diplomacy", "Home | Newsroom | Archive", "Home → Blog → Foreign Affairs",
        "Archive » 2016 » March", "Home > U.S. Citizen Services > Alerts",
        "Home > News & Events", "Home » Category » Uncategorized",
    ),
    "es": (
        "Inicio › Noticias › Internacional", "Inicio > Noticias > Mundo",
        "Usted está aquí: Inicio / Sala de prensa", "Portada » Internacional » América",
        "Inicio > Noticias y eventos", "Inicio / Archivo / Política exterior",
    ),
    "fr": (
        "Accueil › Actualités › Monde", "Accueil > International > Amériques",
        "Vous êtes ici : Accueil / Actualités", "Accueil » Salle de presse » Archives",
        "Accueil > Actualités et événements",
    ),
    "it": (
        "Home › Notizie › Esteri", "Home > Notizie ed eventi", "Sei qui: Home / Notizie / Mondo",
        "Home » Esteri » Stati Uniti", "Home / Archivio / Politica estera",
    ),
    "pt": (
        "Início › Notícias › Mundo", "Início > Notícias e Eventos",
        "Você está aqui: Início / Notícias", "O Liberal › Mundo", "Capa » Mundo » Américas",
    ),
    "de": (
        "Startseite › Nachrichten › Ausland", "Startseite > Politik > Ausland",
        "Sie sind hier: Startseite / Nachrichten", "Start » Welt » Amerika",
        "Startseite > Nachrichten und Veranstaltungen",
    ),
}  # fmt: skip

#: Share, print and e-mail widgets, in their button row or one button a line.
SHARE: Pool = {
    "en": (
        "Share", "Share this:", "Share this article", "Share this page", "Share on Facebook",
        "Share on Twitter", "Share on X", "Share on LinkedIn", "Share to Twitter",
        "Share to Facebook", "Share to Pinterest", "Email This", "BlogThis!", "Tweet",
        "Email", "E-mail", "Print", "Print this page", "Print Friendly, PDF & Email",
        "Pin it", "WhatsApp", "LinkedIn", "Reddit", "Copy link", "Link copied!",
        "Facebook Twitter LinkedIn Email Print", "Share: Facebook | Twitter | Email",
        "Click to share on Twitter (Opens in new window)",
        "Click to print (Opens in new window)", "Click to email a link to a friend",
        "Like this:", "Like Loading...", "Email a friend", "Save", "Bookmark",
        "Share this story, choose your platform!",
    ),
    "es": (
        "Compartir", "Compartir en Facebook", "Compartir en Twitter", "Compartir en WhatsApp",
        "Imprimir", "Enviar por correo", "Enviar por correo electrónico",
        "Comparte esta noticia", "Copiar enlace", "Guardar",
    ),
    "fr": (
        "Partager", "Partager sur Facebook", "Partager sur Twitter", "Partager cet article",
        "Imprimer", "Envoyer par e-mail", "Copier le lien", "Enregistrer",
    ),
    "it": (
        "Condividi", "Condividi su Facebook", "Condividi su Twitter", "Condividi su WhatsApp",
        "Stampa", "Invia per email", "Copia link", "Salva",
    ),
    "pt": (
        "Compartilhar", "Compartilhe", "Partilhar", "Compartilhar no Facebook",
        "Compartilhar no WhatsApp", "Imprimir", "Enviar por e-mail", "Copiar link", "Salvar",
    ),
    "de": (
        "Teilen", "Artikel teilen", "Auf Facebook teilen", "Auf X teilen", "Per WhatsApp teilen",
        "Drucken", "Per E-Mail senden", "Link kopieren", "Merken",
    ),
}  # fmt: skip

#: Cookie and consent banners: the notice, its buttons and its policy links.
CONSENT: Pool = {
    "en": (
        "We use cookies to improve your experience on our website. By continuing to browse,"
        " you agree to our use of cookies.",
        "This website uses cookies to ensure you get the best experience.",
        "This site uses cookies. Find out more.", "We value your privacy",
        "Accept", "Accept all", "Accept all cookies", "Reject all", "Decline",
        "Cookie settings", "Manage preferences", "Got it!", "I agree", "OK, I understand",
        "Privacy Policy", "Cookie Policy", "Do Not Sell My Personal Information",
    ),
    "es": (
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios."
        " Si continúa navegando, consideramos que acepta su uso.",
        "Este sitio web utiliza cookies.", "Aceptar", "Aceptar todas", "Rechazar",
        "Configurar cookies", "Política de cookies", "Política de privacidad", "Aviso legal",
    ),
    "fr": (
        "Ce site utilise des cookies pour améliorer votre expérience.",
        "En poursuivant votre navigation, vous acceptez l’utilisation de cookies.",
        "Tout accepter", "Tout refuser", "Paramétrer les cookies", "Continuer sans accepter",
        "Politique de confidentialité", "Mentions légales", "Gestion des cookies",
    ),
    "it": (
        "Questo sito utilizza cookie tecnici e di profilazione, anche di terze parti.",
        "Chiudendo questo banner acconsenti all’uso dei cookie.",
        "Accetta", "Accetta tutti", "Rifiuta", "Personalizza", "Informativa sulla privacy",
        "Cookie policy", "Gestisci preferenze",
    ),
    "pt": (
        "Este site utiliza cookies para melhorar a sua experiência de navegação.",
        "Ao continuar navegando, você concorda com a nossa Política de Privacidade.",
        "Aceitar", "Aceitar todos", "Rejeitar", "Configurações de cookies",
        "Política de Privacidade", "Termos de Uso",
    ),
    "de": (
        "Diese Website verwendet Cookies. Wenn Sie fortfahren, erklären Sie sich mit der"
        " Verwendung von Cookies einverstanden.",
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        "Alle akzeptieren", "Akzeptieren", "Ablehnen", "Einstellungen", "Cookie-Einstellungen",
        "Datenschutzerklärung", "Datenschutz", "Impressum",
    ),
}  # fmt: skip

#: Paywalls, subscription and newsletter prompts, member appeals.
SUBSCRIPTION: Pool = {
    "en": (
        "Subscribe", "Subscribe now", "Subscribe to our newsletter",
        "Sign up for our daily newsletter", "Get the latest news delivered to your inbox.",
        "Enter your email address", "Already a subscriber? Log in",
        "You have reached your limit of free articles.",
        "This content is for subscribers only.", "Support independent journalism",
        "Become a member today", "Already a member? Sign in", "Subscribe to: Post Comments (Atom)",
        "Subscribe to our YouTube channel", "Unlock this article",
    ),
    "es": (
        "Suscríbete", "Suscríbete a nuestro boletín", "Suscríbete a nuestros canales",
        "Recibe las noticias en tu correo", "¿Ya eres suscriptor? Inicia sesión",
        "Contenido exclusivo para suscriptores", "Hazte socio",
    ),
    "fr": (
        "Abonnez-vous", "Réservé aux abonnés", "Inscrivez-vous à notre newsletter",
        "Déjà abonné ? Se connecter", "Recevez l’essentiel de l’actualité chaque matin",
        "Cet article vous est offert",
    ),
    "it": (
        "Abbonati", "Iscriviti alla newsletter", "Contenuto riservato agli abbonati",
        "Sei già abbonato? Accedi", "Ricevi le notizie nella tua casella di posta",
    ),
    "pt": (
        "Assine", "Assine já", "Cadastre-se na nossa newsletter",
        "Conteúdo exclusivo para assinantes", "Já é assinante? Entre",
        "Receba as notícias no seu e-mail",
    ),
    "de": (
        "Jetzt abonnieren", "Newsletter abonnieren", "Nur für Abonnenten",
        "Bereits Abonnent? Hier anmelden", "Jetzt weiterlesen mit Abo",
        "Die wichtigsten Nachrichten direkt in Ihr Postfach",
    ),
}  # fmt: skip

#: Media players, photo captions and credits, galleries.
MEDIA: Pool = {
    "en": (
        "Play Video", "Watch the video", "Video", "Loading video...", "Listen to this article",
        "Listen", "00:00 / 02:35", "Your browser does not support the video tag.",
        "Photo: Reuters", "(Photo: AFP)", "File photo", "Image credit: Getty Images",
        "Photo courtesy of the Embassy", "Click to enlarge", "View gallery",
        "Cover picture for the article", "Image 1 of 4", "Enlarge this image", "Audio",
        "Watch Live", "Pause", "Mute", "Fullscreen",
    ),
    "es": (
        "Ver video", "Reproducir video", "Foto: EFE", "(Foto: Archivo)", "Imagen de archivo",
        "Escuchar", "Escuchar la noticia", "Ampliar imagen", "Galería de fotos",
    ),
    "fr": (
        "Voir la vidéo", "Lire la vidéo", "Photo d’archives", "Crédit photo : AFP",
        "Écouter cet article", "Agrandir l’image", "Diaporama",
    ),
    "it": (
        "Guarda il video", "Foto di archivio", "Foto: ANSA", "Ascolta l’articolo",
        "Ingrandisci", "Fotogallery",
    ),
    "pt": (
        "Assista ao vídeo", "Imagem ilustrativa", "Foto: Reprodução", "(Foto: Divulgação)",
        "Ouvir", "Ouça esta notícia", "Ampliar imagem", "Galeria de fotos",
    ),
    "de": (
        "Video abspielen", "Bild: dpa", "Archivbild", "Foto: picture alliance",
        "Artikel anhören", "Bild vergrößern", "Bildergalerie",
    ),
}  # fmt: skip

#: Language menus and translation widgets.
LANGUAGE_MENUS: Pool = {
    "en": (
        "English", "English | Español", "EN | ES | FR", "Language", "Select Language",
        "Translate", "Powered by Google Translate", "Available in:", "Read in English",
        "English Español Français Italiano Português Deutsch", "Other languages",
    ),
    "es": ("Español", "Idioma", "Seleccionar idioma", "Versión en español", "Disponible en:"),
    "fr": ("Français", "Langue", "Choisir la langue", "Version française", "Disponible en :"),
    "it": ("Italiano", "Lingua", "Seleziona la lingua", "Versione italiana", "Disponibile in:"),
    "pt": ("Português", "Idioma", "Selecione o idioma", "Leia em português", "Disponível em:"),
    "de": ("Deutsch", "Sprache", "Sprache wählen", "Deutsche Version", "Verfügbar in:"),
}  # fmt: skip

#: CMS artifacts: teaser links, comment counters, tags, related-post lists, ads, themes.
CMS: Pool = {
    "en": (
        "Read more", "Read More »", "Read more...", "Continue reading", "Continue reading →",
        "[…]", "Read Full Post »", "Leave a comment", "Leave a Reply", "No comments:",
        "0 Comments", "2 Comments", "Comments are closed.", "Post a Comment", "Load more",
        "Related posts", "Related Articles", "Related", "You may also like",
        "Recommended for you", "More from this section", "Tags:", "Filed under: World",
        "Categories: News", "Uncategorized", "Edit", "Permalink",
        "Posted in News | Leave a comment",
        "Labels: diplomacy, foreign policy", "Powered by WordPress", "Powered by Blogger.",
        "Theme: Newsup by Themeansar.", "Advertisement", "ADVERTISEMENT", "Sponsored",
        "Sponsored Content", "Normal view", "Reading view",
        "There are new articles available, click to refresh the page.",
        "Report an error", "Did you find this article useful?", "Print Article",
        "Reply", "Cancel reply", "Your email address will not be published.",
    ),
    "es": (
        "Leer más", "Seguir leyendo", "Deja un comentario", "Sin comentarios",
        "Noticias relacionadas", "También te puede interesar", "Etiquetas:", "Publicidad",
        "Ver más", "Puede interesarte", "No se encontró información", "Comentarios",
    ),
    "fr": (
        "Lire la suite", "Lire aussi", "Laisser un commentaire", "Aucun commentaire",
        "Articles similaires", "À lire aussi", "Mots-clés :", "Publicité", "Voir plus",
        "Commentaires", "Signaler une erreur",
    ),
    "it": (
        "Leggi di più", "Leggi di più»", "Continua a leggere", "Lascia un commento",
        "Nessun commento", "Articoli correlati", "Potrebbe interessarti anche", "Tag:",
        "Pubblicità", "Commenti", "Leggi anche",
    ),
    "pt": (
        "Leia mais", "Continue lendo", "Deixe um comentário", "Sem comentários",
        "Notícias relacionadas", "Você também pode gostar", "Tags:", "Publicidade",
        "Veja também", "Comentários", "Entenda o caso",
    ),
    "de": (
        "Weiterlesen", "Weiterlesen»", "Mehr lesen", "Kommentar hinterlassen",
        "Keine Kommentare", "Das könnte Sie auch interessieren", "Verwandte Artikel",
        "Schlagwörter:", "Anzeige", "Werbung", "Mehr zum Thema", "Kommentare",
    ),
}  # fmt: skip

#: Feed, aggregator and republisher stamps and bylines (no calendar date in them).
BYLINES: Pool = {
    "en": (
        "Posted by Admin at 10:32 AM", "Posted by admin at 4:15 PM", "Posted by Editor",
        "Posted by Staff Writer", "• Written by Press Release", "Written by Press Release",
        "By Press Release", "By News Desk", "By Staff Reporter", "By Editorial Team",
        "By Web Desk", "Source: U.S. Department of State", "Source: state.gov",
        "Source: State Department website", "Via state.gov", "Originally published at state.gov",
        "This article was originally published by the U.S. Department of State.",
        "Press release | Distributed by Public", "Stories by State Newswire",
        "ContributorsPublishersAdvertisers", "CreatorsPublishersAdvertisers",
        "Before yesterday", "Submitted by admin", "Author: Newsroom",
        "Republished with permission", "From our wire services", "Staff Report",
        "Feed: Latest Press Releases", "Filed by the news desk",
    ),
    "es": (
        "Publicado por Redacción", "Por Redacción", "Redacción", "Fuente: Departamento de Estado",
        "Escrito por Comunicado de prensa", "Por Agencias", "Publicado por admin a las 10:32",
    ),
    "fr": (
        "Publié par la rédaction", "Par La Rédaction", "La rédaction",
        "Source : Département d’État", "Avec AFP", "Publié par admin à 10 h 32",
    ),
    "it": (
        "Pubblicato da Redazione", "di Redazione", "Redazione", "Fonte: Dipartimento di Stato",
        "(segue) (Res)", "Pubblicato da admin alle 10:32",
    ),
    "pt": (
        "Publicado por Redação", "Por Redação", "Redação", "Fonte: Departamento de Estado",
        "Estadão Conteúdo", "fonte", "Publicado por admin às 10:32",
    ),
    "de": (
        "Veröffentlicht von Redaktion", "Von Redaktion", "Redaktion", "Quelle: US-Außenministerium",
        "Autor: Amerika Dienst", "(dpa)", "Veröffentlicht von admin um 10:32 Uhr",
    ),
}  # fmt: skip

#: Relative times, update stamps and reading times (clock times, never calendar dates).
TIMESTAMPS: Pool = {
    "en": (
        "Updated 2 hours ago", "6 days ago", "1 day ago", "Just now", "5 min ago",
        "Last updated: 10:32 AM", "Updated at 4:15 PM", "Reading time: 3 min", "3 min read",
        "2 minute read", "Posted at 09:15", "Today", "Yesterday",
    ),
    "es": (
        "hace 3 horas", "Actualizado hace 5 minutos", "Lectura: 3 min", "Hoy", "Ayer",
        "Tiempo de lectura: 2 minutos", "2 min de lectura",
    ),
    "fr": (
        "il y a 2 heures", "Mis à jour il y a 3 heures", "Temps de lecture : 4 min",
        "Aujourd’hui", "Hier", "Lecture 3 min.",
    ),
    "it": (
        "2 ore fa", "Aggiornato alle 10:32", "Tempo di lettura: 3 minuti", "Oggi", "Ieri",
        "3 minuti di lettura",
    ),
    "pt": (
        "há 5 dias", "Atualizado há 2 horas", "Tempo de leitura: 2 min", "Hoje", "Ontem",
        "2 min de leitura",
    ),
    "de": (
        "vor 2 Stunden", "Aktualisiert vor 5 Minuten", "Lesezeit: 3 Min.", "Heute", "Gestern",
        "3 Min. Lesezeit",
    ),
}  # fmt: skip

#: Site names printed as a line of their own (mastheads, logos' alt text, domains).
SITE_NAMES: Pool = {
    "en": (
        "Global News Wire", "World Affairs Today", "The Diplomatic Courier Online",
        "Federal Newswire", "Embassy News Network", "newsbreak.com", "www.worldnewsdesk.com",
        "IMPRINT", "POLITIKI NEWS", "Foreign Policy Digest", "The Capitol Reporter",
        "International Herald Online", "publicnow.com", "Logo",
    ),
    "es": (
        "Noticias del Mundo", "El Diario Internacional", "Progreso Hispano News",
        "Diario del Continente", "www.noticiasmundo.com",
    ),
    "fr": ("Le Journal International", "L'info c'est ici", "Le Courrier Diplomatique"),
    "it": ("Il Notiziario", "Agenzia Notizie Estere", "Corriere degli Esteri"),
    "pt": ("Diário Internacional", "Jornal do Mundo", "Portal de Notícias"),
    "de": ("Weltnachrichten Online", "Der Auslandskurier", "Nachrichten aus aller Welt"),
}  # fmt: skip

#: Embassy and government site furniture: service menus, alerts, follow-us and footers.
SITE_FURNITURE: Pool = {
    "en": (
        "U.S. Citizen Services", "Visas", "News & Events", "Embassy & Consulates", "About Us",
        "Contact Us", "Alerts", "Travel Advisories", "Business & Trade", "Education & Culture",
        "Follow us on Twitter", "Like us on Facebook", "Follow us", "Connect with us",
        "All rights reserved.", "© 2024 Global News Wire. All rights reserved.",
        "Terms of Use", "Privacy", "Contact", "About", "Sitemap", "Accessibility",
        "Copyright © 2016", "External Link Policy", "FOIA", "Archive",
    ),
    "es": (
        "Servicios a ciudadanos estadounidenses", "Visas", "Noticias y eventos",
        "Embajada y consulados", "Acerca de nosotros", "Contáctenos", "Síguenos en",
        "Todos los derechos reservados.", "Envíe esta página", "Portada",
    ),
    "fr": (
        "Services aux citoyens américains", "Visas", "Actualités et événements",
        "Ambassade et consulats", "Nous contacter", "Suivez-nous",
        "Tous droits réservés.", "Plan du site",
    ),
    "it": (
        "Servizi ai cittadini americani", "Visti", "Notizie ed eventi", "Ambasciata e consolati",
        "Contatti", "Seguici su", "Tutti i diritti riservati.", "Riproduzione riservata",
        "© Agenzia Notizie Estere - Riproduzione riservata",
    ),
    "pt": (
        "Serviços aos cidadãos americanos", "Vistos", "Notícias e Eventos",
        "Embaixada e Consulados", "Fale conosco", "Siga-nos", "Todos os direitos reservados.",
        "Mapa do site",
    ),
    "de": (
        "Dienstleistungen für US-Bürger", "Visa", "Nachrichten und Veranstaltungen",
        "Botschaft und Konsulate", "Kontakt", "Folgen Sie uns", "Alle Rechte vorbehalten.",
        "Sitemap", "Barrierefreiheit",
    ),
}  # fmt: skip

#: Site-name suffixes a page title carries (``Title | Site``), with their separator.
TITLE_SUFFIXES: Pool = {
    "en": (
        " | U.S. Department of State", " - U.S. Department of State",
        " | U.S. Embassy & Consulates in Italy", " - U.S. Embassy in Georgia",
        " | U.S. Mission to the United Nations", " – Global News Wire", " | Global News Wire",
        " - World Affairs Today", " :: Federal Newswire", " » World News",
        " | Press Releases Archive", " - Newsroom", " | Embassy News Network",
        " - The Capitol Reporter", " | newsbreak.com", " — Foreign Policy Digest",
    ),
    "es": (
        " | Embajada de los Estados Unidos en México", " - Noticias del Mundo",
        " | El Diario Internacional", " – Progreso Hispano News",
    ),
    "fr": (
        " | Ambassade des États-Unis en France", " - Le Journal International",
        " – Le Courrier Diplomatique",
    ),
    "it": (
        " | Ambasciata e Consolati USA in Italia", " - Il Notiziario",
        " – Corriere degli Esteri",
    ),
    "pt": (
        " | Embaixada e Consulados dos EUA no Brasil", " - Diário Internacional",
        " – Portal de Notícias",
    ),
    "de": (
        " | US-Botschaft und Konsulate in Deutschland", " - Weltnachrichten Online",
        " – Der Auslandskurier",
    ),
}  # fmt: skip

#: Every chrome class by name (title suffixes are drawn on their own).
CLASSES: Mapping[str, Pool] = {
    "navigation": NAVIGATION,
    "breadcrumbs": BREADCRUMBS,
    "share": SHARE,
    "consent": CONSENT,
    "subscription": SUBSCRIPTION,
    "media": MEDIA,
    "language_menus": LANGUAGE_MENUS,
    "cms": CMS,
    "bylines": BYLINES,
    "timestamps": TIMESTAMPS,
    "site_names": SITE_NAMES,
    "site_furniture": SITE_FURNITURE,
}


def _lines(pool: Pool, languages: Iterable[Language]) -> tuple[str, ...]:
    return tuple(line for language in languages for line in pool.get(language, ()))


def pool_lines(
    classes: Sequence[str] | None = None, languages: Sequence[Language] = LANGUAGES
) -> tuple[str, ...]:
    """Every chrome line of ``classes`` (default: all) in ``languages``, without repeats."""
    chosen = CLASSES if classes is None else {name: CLASSES[name] for name in classes}
    return tuple(
        dict.fromkeys(line for pool in chosen.values() for line in _lines(pool, languages))
    )


def pool_sizes() -> dict[str, int]:
    """How many entries each class holds (all languages), and the title suffixes."""
    sizes = {name: len(_lines(pool, LANGUAGES)) for name, pool in CLASSES.items()}
    sizes["title_suffixes"] = len(_lines(TITLE_SUFFIXES, LANGUAGES))
    return sizes


def _with_english(language: Language) -> tuple[Language, ...]:
    return (language, "en")


def page_languages() -> st.SearchStrategy[tuple[Language, ...]]:
    """The languages of one page's chrome: one, one with English (bilingual embassy and
    aggregator pages), or any mix."""
    one = st.sampled_from(LANGUAGES).map(lambda language: (language,))
    with_english = st.sampled_from(LANGUAGES[1:]).map(_with_english)
    mixed = st.lists(st.sampled_from(LANGUAGES), min_size=2, max_size=6, unique=True).map(tuple)
    return one | with_english | mixed


def chrome_lines(
    classes: Sequence[str] | None = None, languages: Sequence[Language] = LANGUAGES
) -> st.SearchStrategy[str]:
    """One chrome line of ``classes`` (default: any) in one of ``languages``."""
    return st.sampled_from(pool_lines(classes, languages))


def title_suffixes(languages: Sequence[Language] = LANGUAGES) -> st.SearchStrategy[str]:
    """A site-name suffix for a title line, separator and leading space included."""
    return st.sampled_from(_lines(TITLE_SUFFIXES, languages))


@st.composite
def chrome_blocks(
    draw: st.DrawFn, min_lines: int = 1, max_lines: int = 6, classes: Sequence[str] | None = None
) -> list[str]:
    """Chrome as a page prints it: lines of one page's languages, each followed by no, one
    or two blank lines (a menu prints its items line after line)."""
    languages = draw(page_languages())
    chosen = draw(st.lists(chrome_lines(classes, languages), min_size=min_lines,
                           max_size=max_lines))  # fmt: skip
    lines: list[str] = []
    for line in chosen:
        lines.append(line)
        lines += [""] * draw(st.integers(0, 2))
    while lines and lines[-1] == "":
        lines.pop()
    return lines


__all__ = [
    "CLASSES",
    "LANGUAGES",
    "TITLE_SUFFIXES",
    "Language",
    "chrome_blocks",
    "chrome_lines",
    "page_languages",
    "pool_lines",
    "pool_sizes",
    "title_suffixes",
]
