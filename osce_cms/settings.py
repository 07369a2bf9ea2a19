"""Settings for osce_cms, read from the environment (see README.md for every variable)."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_int(name, default):
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, "
            "or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. List the site's host names, comma-separated "
            "(for example 'www.example.org,example.org')."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "taggit",
    "reversion",
    "easy_thumbnails",
    "django_prose_editor",
    "axes",
    "csp",
    "taxonomy",
    "structures",
    "news",
    "newsroom",  # the public site: every page a visitor reaches
    "demo",  # manage.py load_demo
    "backups",  # manage.py backup / restore: database and media (README, "Backups")
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # the API documentation's assets, served by the site
    "corsheaders",
    "api",  # the public JSON API, /api/v1/ (README, "API")
    "alerts",  # email alerts for any list view (README, "Email alerts")
    "embargoes",  # named embargoes and the editorial calendar (README, "Embargoes")
    "addresses",  # old slugs redirect to the current address (README, "Stable addresses")
    "audit",  # the site-wide audit log (README, "Audit log")
    "meetings",  # single dated meetings of the series, with their news (README, "Meetings")
    "pages",  # the footer's pages, edited in the admin (README, "Navigation and footer pages")
    "desk",  # the editor's desk: queues on the admin home, workflow emails (issue 14)
    "library",  # the image library: lead images and images in bodies (news/forms.py)
]

MIDDLEWARE = [
    # Methods and body sizes refused before anything reads the body (osce_cms/security.py).
    "osce_cms.security.RequestLimitsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy, Cross-Origin-Resource-Policy, Permissions-Policy.
    "osce_cms.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages, feeds and the API compressed for clients that accept it (/news/: 89 KB to about
    # 12). After WhiteNoise, which answers static files itself, already compressed; before
    # everything that makes or reads a body. Django's gzip pads each response at random against
    # BREACH; an ETag becomes weak (W/"…"), which the site's conditional GET accepts.
    "django.middleware.gzip.GZipMiddleware",
    # CORS headers on the API's read-only GETs only (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The request whose user and address the audit log records (audit/middleware.py).
    "audit.middleware.AuditRequestMiddleware",
    # Staff sessions end when idle and after a working day (osce_cms/sessions.py).
    "osce_cms.sessions.IdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # An expired session's post to an admin form kept for after signing in (news/kept_posts.py).
    "news.kept_posts.KeptPostMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Sign-in lockouts answered with the 429 page (osce_cms/logins.py).
    "axes.middleware.AxesMiddleware",
    # A database that is away or overloaded: a 503 with Retry-After, not a 500.
    "osce_cms.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "osce_cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "osce_cms.context_processors.site",
            ],
            "libraries": {"breadcrumbs": "osce_cms.breadcrumbs", "site": "osce_cms.site_tags"},
        },
    },
]

WSGI_APPLICATION = "osce_cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the site read while the demo loader or an editor writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation takes longer than the site's queries it would speed up (measured on
    # the facet counts at 1,000,000 items: seconds of compiling for nothing).
    # Timeouts (docs: README, "When things fail"): one slow query or a lock held on a table
    # fails that request with a 503 (osce_cms/middleware.py) instead of stalling the workers.
    # manage.py turns the statement timeout off for management commands unless it is set.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off"
        f" -c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT_MS', 5000)}"
        f" -c lock_timeout={env_int('DATABASE_LOCK_TIMEOUT_MS', 2000)}"
    )
    if connect_timeout := env_int("DATABASE_CONNECT_TIMEOUT", 3):
        DATABASES["default"]["OPTIONS"]["connect_timeout"] = connect_timeout

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# models.W040, "SQLite does not support indexes with non-key columns": the news list's covering
# indexes (news/models/items.py, `include=`) carry extra columns so that PostgreSQL answers from
# the index alone. SQLite builds the same index without them: correct, only without that
# shortcut. Nothing is broken, so the warning is not shown on every run.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

CACHE_URL = env_str("CACHE_URL")
# "default" keeps the news list's counts, page ids and taxonomy; "pages" whole public pages
# for anonymous visitors. Both are keyed by the publication state (newsroom/freshness.py), so a
# change is visible at once; give Redis a maxmemory with an allkeys-lru policy.
# With Redis away, both answer as misses (osce_cms/cache.py): pages are slower, never failing.
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "osce_cms.cache.DegradingRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "osce_cms",
        },
        "pages": {
            "BACKEND": "osce_cms.cache.DegradingRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "osce_cms_pages",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
if not env_bool("CACHE_PAGES", default=True):
    del CACHES["pages"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages of the interface and of the public addresses (/en/news/, /ru/news/...): each
# has a complete catalogue of what a visitor reads in locale/ (README, "Languages"). News
# items may be written in more languages (NEWS_LANGUAGES); an item in a language that is not
# one of these lives under the default language's addresses, marked with its own `lang`.
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("fr", _("French")),
    ("de", _("German")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Whether a list in one language also shows, flagged, the items that have no translation in
# it (in their original language); a visitor may choose otherwise on the list.
NEWS_INCLUDE_OTHER_LANGUAGES = env_bool("NEWS_INCLUDE_OTHER_LANGUAGES", default=True)
# The site's own date and time formats (osce_cms/formats/): the 24-hour clock with the zone.
FORMAT_MODULE_PATH = ["osce_cms.formats"]
TIME_ZONE = "Europe/Vienna"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
# Attachments live here, outside MEDIA_ROOT: the site serves them after checking who may see
# the item, so the web server must not serve this folder.
PRIVATE_MEDIA_ROOT = Path(env_str("DJANGO_PRIVATE_MEDIA_ROOT") or BASE_DIR / "private-media")

# Anonymous pages set no cookies; staff get secure, HTTP-only cookies.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Failed sign-ins and lockouts (django-axes; successful ones are in its AccessLog).
    "loggers": {"axes": {"level": "WARNING"}},
}

SITE_NAME = env_str("SITE_NAME", "OSCE Newsroom")

# Languages a news item or an attachment can be in: the organisation's six official languages
# and those of the countries hosting field operations.
NEWS_LANGUAGES = ATTACHMENT_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("sq", _("Albanian")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
    ("mk", _("Macedonian")),
    ("cnr", _("Montenegrin")),
    ("ro", _("Romanian")),
    ("sr", _("Serbian")),
    ("tg", _("Tajik")),
    ("tk", _("Turkmen")),
    ("uk", _("Ukrainian")),
    ("uz", _("Uzbek")),
]

# Lead images (news/images.py): what an upload may be. Larger or other files are refused
# with a message saying why.
NEWS_IMAGE_MAX_BYTES = 10 * 1024 * 1024
NEWS_IMAGE_MAX_PIXELS = 40_000_000
NEWS_IMAGE_MIN_WIDTH = 800
NEWS_IMAGE_MIN_HEIGHT = 450
# Renditions per role: widths for srcset, an optional crop ratio (cropped around the focal
# point), the file format and the default `sizes`. Social cards are JPEG for og:image.
NEWS_IMAGE_RENDITIONS = {
    "card": {
        "widths": [240, 480],
        "ratio": (3, 2),
        "format": "webp",
        "sizes": "(min-width: 48rem) 12rem, 7rem",
    },
    "page": {
        "widths": [800, 1200, 1600],
        "ratio": None,
        "format": "webp",
        "sizes": "(min-width: 50rem) 48rem, 100vw",
    },
    "social": {"widths": [1200], "ratio": (1200, 630), "format": "jpg", "sizes": "1200px"},
}
# Attachments (news/attachments.py): PDF only.
NEWS_ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024

# Rich text (news/html.py): the work one body may cost. Longer or more deeply nested bodies
# are refused before cleaning (the cleaner's time grows with the square of the nesting), and
# a body the cleaner has not finished within NEWS_SANITIZE_SECONDS is refused too.
NEWS_BODY_MAX_CHARS = 500_000
NEWS_BODY_MAX_DEPTH = 40
NEWS_SANITIZE_SECONDS = 2.0

# easy-thumbnails makes the renditions, under MEDIA_ROOT/renditions/.
THUMBNAIL_BASEDIR = "renditions"
THUMBNAIL_EXTENSION = "webp"
THUMBNAIL_TRANSPARENCY_EXTENSION = "webp"
THUMBNAIL_QUALITY = 80
THUMBNAIL_SOURCE_GENERATORS = ("easy_thumbnails.source_generators.pil_image",)

# Hardening on the open internet (README: "Production", "Abuse and limits").

# Reverse proxies in front of the site that append the client's address to X-Forwarded-For
# (nginx: 1). 0: REMOTE_ADDR is the client. Read by osce_cms.security.client_ip() for the
# sign-in lockouts and the rate limits; more than the real number lets clients choose theirs.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

# Request bodies (osce_cms/security.py refuses larger ones with 413 before reading them).
# The admin's news form carries at most one lead image and an attachment per save.
REQUEST_BODY_MAX_BYTES = env_int("DJANGO_REQUEST_BODY_MAX_BYTES", 64 * 1024)
ADMIN_REQUEST_BODY_MAX_BYTES = env_int(
    "DJANGO_ADMIN_REQUEST_BODY_MAX_BYTES",
    NEWS_IMAGE_MAX_BYTES + NEWS_ATTACHMENT_MAX_BYTES + 1024 * 1024,
)
# Django's defaults, stated: form data (files not counted) and the number of fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# Staff sessions (osce_cms/sessions.py): signed out after this long without a request, and
# at the latest SESSION_COOKIE_AGE after signing in.
SESSION_IDLE_SECONDS = env_int("DJANGO_SESSION_IDLE_SECONDS", 2 * 60 * 60)
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_MAX_SECONDS", 10 * 60 * 60)

# Sign-in throttling (django-axes, osce_cms/logins.py): an account is locked for one client
# after AXES_FAILURE_LIMIT failures, a client for every account after
# AXES_CLIENT_FAILURE_LIMIT, each for AXES_COOLOFF_TIME.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "osce_cms.logins.LoginAttempts"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_CLIENT_FAILURE_LIMIT = env_int("AXES_CLIENT_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
# Not in the admin: `manage.py axes_list_attempts` lists lockouts, `axes_reset_username`
# and `axes_reset_ip` lift one.
AXES_ENABLE_ADMIN = False
AXES_LOCKOUT_CALLABLE = "osce_cms.logins.locked_out"
AXES_CLIENT_IP_CALLABLE = "osce_cms.security.client_ip"
# The failed passwords are not stored.
AXES_SENSITIVE_PARAMETERS = ["password", "password1", "password2"]

# Rate limits of searches and filtered lists and feeds, per client (newsroom/throttle.py),
# counted in the "default" cache: "number/period", period s, m, h or d.
NEWS_SEARCH_RATE = env_str("NEWS_SEARCH_RATE", "30/m")
NEWS_LIST_RATE = env_str("NEWS_LIST_RATE", "120/m")
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "osce_cms.security.client_ip"
RATELIMIT_FAIL_OPEN = True

# Security headers (osce_cms/security.py). Public pages: no inline script or style at all
# (JSON-LD data blocks are not run, so need no permission).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The admin: its rich-text editor (django-prose-editor) injects <style> elements, and the
# structures' tree indents with a style attribute. Scripts stay files, but for the editor's
# import map, allowed by its hash (osce_cms/security.py).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
    }
}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
        "publickey-credentials-get", "screen-wake-lock", "usb", "xr-spatial-tracking",
    )
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The public JSON API (api/, README "API").
# Django REST framework, read-only and anonymous: JSON only (no browsable pages, whose inline
# scripts the CSP refuses), no sessions, one rate limit per client address: API_RATE
# ("number/period", period s, m, h or d), counted in the "default" cache (api/throttling.py).
API_RATE = env_str("API_RATE", "120/m")
_rate = API_RATE.split("/")
if len(_rate) != 2 or not _rate[0].isdigit() or _rate[1][:1] not in ("s", "m", "h", "d"):
    raise ImproperlyConfigured(f"API_RATE must be number/period (s, m, h or d), not {API_RATE!r}.")
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.ClientRateThrottle",
        "api.throttling.SearchRateThrottle",  # searches: NEWS_SEARCH_RATE too
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    "URL_FORMAT_OVERRIDE": None,  # ?format= is no parameter of ours: refused as unknown
}
# The OpenAPI 3 schema (/api/v1/schema/) and its documentation page (/api/v1/docs/), whose
# Swagger UI files are served by the site (drf-spectacular-sidecar).
SPECTACULAR_SETTINGS = {
    "TITLE": "OSCE newsroom API",
    "DESCRIPTION": (
        "The public news of the newsroom and its taxonomy, read-only, as JSON. The news list "
        "takes the filters of the site's list (/news/) with the same meaning. Responses carry "
        "an ETag (304 while nothing public has changed); each client address may make "
        "API_RATE requests (429 with Retry-After beyond)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_ADD_EXPLICIT_BLANK_NULL_CHOICE": False,
    "ENUM_NAME_OVERRIDES": {
        "NewsKindEnum": "news.models.NewsItem.Kind",
        "StructureKindEnum": "structures.models.Structure.Kind",
        "CountryGroupEnum": "taxonomy.models.Country.Group",
    },
}
# Any site may read the API from a browser: GET and HEAD, and their preflight, with no
# credentials; only under /api/.
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
CORS_PREFLIGHT_MAX_AGE = 86400

# Email alerts (alerts/, README "Email alerts").

# The site's public address, for the absolute links in emails (no request to take it from).
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://localhost:8000").rstrip("/")
# Sign-ups (alerts/views.py), counted in the "default" cache like NEWS_*_RATE: per client and
# per address ("number/period"), and how many alerts one address may have.
ALERTS_SIGNUP_RATE = env_str("ALERTS_SIGNUP_RATE", "10/h")
ALERTS_SIGNUP_ADDRESS_RATE = env_str("ALERTS_SIGNUP_ADDRESS_RATE", "3/h")
ALERTS_MAX_PER_ADDRESS = env_int("ALERTS_MAX_PER_ADDRESS", 20)

# Mail (alerts, and staff notifications): EMAIL_URL, e.g. smtp://user:password@host:587 with
# STARTTLS (smtp+tls://…) or TLS from the start (smtp+ssl://…:465). Without it mail is printed
# to the console, so the trial path shows what would be sent.
EMAIL_URL = env_str("EMAIL_URL")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
if EMAIL_URL:
    _email = urlsplit(EMAIL_URL)
    if _email.scheme not in {"smtp", "smtp+tls", "smtp+ssl"} or not _email.hostname:
        raise ImproperlyConfigured(
            f"EMAIL_URL must be smtp://, smtp+tls:// or smtp+ssl://host[:port], not {EMAIL_URL!r}."
        )
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname
    EMAIL_PORT = _email.port or {"smtp": 25, "smtp+tls": 587, "smtp+ssl": 465}[_email.scheme]
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme == "smtp+tls"
    EMAIL_USE_SSL = _email.scheme == "smtp+ssl"
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The background queue (osce_cms/celery.py): Celery on Redis (or RabbitMQ: amqp://…). Without
# a broker, tasks run at once where they are sent (the trial path, with no worker).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-task leaves it to be run again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE

# Alerts' delivery (alerts/delivery.py, README "Delivery"): subscriptions per job when an item
# is fanned out or digests go out, and the hour (TIME_ZONE) of the daily digests. The
# scheduler (celery beat) announces scheduled items when their time comes, within a minute.
from celery.schedules import crontab  # noqa: E402  (only the schedule needs it)

ALERTS_BATCH_SIZE = max(1, env_int("ALERTS_BATCH_SIZE", 1000))
ALERTS_DIGEST_HOUR = env_int("ALERTS_DIGEST_HOUR", 7)
if not 0 <= ALERTS_DIGEST_HOUR <= 23:
    raise ImproperlyConfigured(f"ALERTS_DIGEST_HOUR must be 0 to 23, not {ALERTS_DIGEST_HOUR}.")
CELERY_BEAT_SCHEDULE = {
    "alerts-announce-due": {"task": "alerts.tasks.announce_due", "schedule": 60.0},
    "alerts-daily-digests": {
        "task": "alerts.tasks.send_digests",
        "schedule": crontab(minute=0, hour=ALERTS_DIGEST_HOUR),
    },
    # The audit log forgets entries past AUDIT_RETENTION_DAYS (audit/retention.py).
    "audit-prune": {"task": "audit.tasks.prune", "schedule": crontab(minute=30, hour=3)},
}

# Audit log (audit/, README "Audit log"): days an entry is kept before prune_audit deletes it.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 730)
if AUDIT_RETENTION_DAYS < 1:
    raise ImproperlyConfigured(
        f"AUDIT_RETENTION_DAYS must be at least 1, not {AUDIT_RETENTION_DAYS}."
    )
