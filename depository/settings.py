"""Settings of the Depository, read from the environment (see INTERFACES in the README).

With no variable set, everything runs on one machine with no service: SQLite under ``var/``,
Wagtail's database search backend, Celery tasks run in-process, e-mail written to files.
Production (``DEBUG=false``) refuses to start without a real ``SECRET_KEY`` and ``ALLOWED_HOSTS``.
"""

import importlib.util
import os
import re
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from csp import constants as csp_constants
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


# --- Security -------------------------------------------------------------------------------

DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-use-in-production"  # noqa: S105 - refused when DEBUG is off
DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

if DEBUG:
    if not SECRET_KEY:
        print(
            "Warning: development settings in use (DEBUG on, development SECRET_KEY); "
            "set DEBUG=false, SECRET_KEY and ALLOWED_HOSTS in production.",
            file=sys.stderr,
        )
        SECRET_KEY = DEVELOPMENT_SECRET_KEY
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]
else:
    # One clear line rather than a traceback: the operator knows which variable to set.
    if not SECRET_KEY or SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 32:
        sys.exit("Refusing to start with DEBUG off: set SECRET_KEY to a random string of at least 32 characters.")
    if not ALLOWED_HOSTS:
        sys.exit("Refusing to start with DEBUG off: set ALLOWED_HOSTS to the site's host names, comma-separated.")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"]
    # Plain HTTP is redirected to HTTPS; behind a TLS-terminating proxy the redirect follows the
    # proxy's X-Forwarded-Proto (above). Turn it off only where the proxy itself redirects.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # Browsers remember to use HTTPS only, for the site and its subdomains, and may be told so in
    # advance (the preload list); 0 seconds turns HSTS off (a first rollout can start small).
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)

# Wagtail's preview and wagtail-localize's editor set SAMEORIGIN on their own responses, so every
# other page can refuse to be framed at all.
X_FRAME_OPTIONS = "DENY"

# --- Public address (SITE_URL) --------------------------------------------------------------
# The address people reach the site at: e-mails, calendar files, feeds, the sitemap and the API
# build their absolute links on it (home/site_url.py), and the Wagtail Site record follows it.

SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if not SITE_URL and not DEBUG:
    sys.exit(
        "Refusing to start with DEBUG off: set SITE_URL to the site's public address, e.g. https://depository.example.org."
    )
SITE_URL = SITE_URL or "http://127.0.0.1:8000"
_site_url = urlsplit(SITE_URL)
if _site_url.scheme not in {"http", "https"} or not _site_url.hostname or _site_url.path or _site_url.query:
    sys.exit(f"SITE_URL must be a site's address such as https://depository.example.org (no path), not {SITE_URL!r}.")
WAGTAILAPI_BASE_URL = SITE_URL

SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Visitors behind the site's own reverse proxies: how many of them append to X-Forwarded-For.
# 0 means the site is reached directly and the client is REMOTE_ADDR (depository/clients.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Content-Security-Policy (django-csp): the public pages' policy; the admin gets the additions
# Wagtail's admin needs (depository/middleware.py). The project's own inline scripts carry a nonce.
# The players load only when a visitor presses play (home/video.py), from the privacy-enhanced addresses.
VIDEO_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp_constants.NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_FRAME_SOURCES,
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# Permissions-Policy (django-permissions-policy): nothing the site does not use; for the video players
# it embeds, full screen, picture-in-picture and autoplay (a player starts when the visitor presses play).
PERMISSIONS_POLICY = {
    **dict.fromkeys(["accelerometer", "bluetooth", "browsing-topics", "camera", "display-capture", "geolocation"], []),
    **dict.fromkeys(["gyroscope", "hid", "magnetometer", "microphone", "midi", "payment", "serial", "usb"], []),
    **dict.fromkeys(
        ["autoplay", "encrypted-media", "fullscreen", "picture-in-picture"], ["self", *VIDEO_FRAME_SOURCES]
    ),
}

# Login throttling (django-axes) for the admin's and the site's logins and for page passwords
# (depository/logins.py): after LOGIN_FAILURE_LIMIT failures a client is locked out, the right
# password included, until LOGIN_COOLOFF_MINUTES pass without another failure.
# Axes' backend comes first: it sees every attempt, allauth's e-mail logins (credentials "email") too.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = "depository.logins.lockout_parameters"
AXES_CLIENT_IP_CALLABLE = "depository.clients.client_address"
AXES_LOCKOUT_CALLABLE = "depository.logins.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # Django's admin is not served; `manage.py axes_list_attempts` / `axes_reset`

# Public forms (depository/ratelimits.py): at most this many submissions per client and per e-mail
# address ("count/period", period in s, m, h or d, e.g. "10/h" or "5/10m").
RATE_LIMITS = {
    "registration": {
        "client": os.environ.get("RATE_LIMIT_REGISTRATION_CLIENT", "10/h"),
        "address": os.environ.get("RATE_LIMIT_REGISTRATION_ADDRESS", "3/h"),
    },
    # The personal confirmation and cancellation links: their tokens must not be guessed.
    "registration_link": {"client": os.environ.get("RATE_LIMIT_REGISTRATION_LINK_CLIENT", "30/h")},
}
RATELIMIT_FAIL_OPEN = True  # a cache that cannot count lets the submission through

# Participants' accounts (django-allauth, accounts only): sign up and log in by e-mail, the address
# verified before the first login, password reset; allauth's own rate limits (ACCOUNT_RATE_LIMITS,
# in the cache) stay on beside axes' lockout of clients that fail logins.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_SIGNUP_FORM_CLASS = "contest.accounts.SignupForm"  # adds the honeypot of the public forms
ACCOUNT_ADAPTER = "contest.accounts.AccountAdapter"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "contest:my_entries"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

# The contest's participants' files (contest/uploads.py) and where consultation questions go when the
# organisers' group has no members with an address.
CONTEST_DOCUMENT_MAX_SIZE = int(os.environ.get("CONTEST_DOCUMENT_MAX_SIZE", str(20 * 1024 * 1024)))
CONTEST_PHOTO_MAX_SIZE = int(os.environ.get("CONTEST_PHOTO_MAX_SIZE", str(10 * 1024 * 1024)))
CONTEST_MAX_FILES = int(os.environ.get("CONTEST_MAX_FILES", "20"))
CONTEST_ORGANISERS_EMAIL = os.environ.get("CONTEST_ORGANISERS_EMAIL", "")

# /readyz shows its details (hosts, errors, versions) to staff and to this bearer token only.
READINESS_TOKEN = os.environ.get("READINESS_TOKEN", "")

# --- Applications ---------------------------------------------------------------------------

INSTALLED_APPS = [
    "home",
    "jobs",
    "practices",
    "events",
    "contest",
    "news",
    "publications",
    "partners",
    "operations",
    "webhooks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "search",  # after wagtail.search: it replaces the signal handlers that app connects (search/indexing.py)
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "wagtail_headless_preview",
    "corsheaders",
    "drf_spectacular_sidecar",  # the schema's documentation pages, served from here, not a CDN
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "allauth",
    "allauth.account",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "depository.middleware.ApiOriginMiddleware",  # refuses other origins, their preflights too
    "corsheaders.middleware.CorsMiddleware",  # before any middleware that can answer: 503, 400
    "depository.middleware.ApiConditionalGetMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "depository.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "depository.middleware.DatabaseUnavailableMiddleware",  # a database outage answers 503, not 500
    "django.contrib.sessions.middleware.SessionMiddleware",
    "depository.middleware.PublicPageLocaleMiddleware",
    "depository.middleware.PublicRequestSizeMiddleware",
    "depository.middleware.BadInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it turns a locked-out login into the lockout page
]

ROOT_URLCONF = "depository.urls"
WSGI_APPLICATION = "depository.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite database lives there
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        # Persistent connections: PostgreSQL text search dictionaries load once per connection.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# Fetch a local poster of each YouTube clip when its page is published (home/tasks.py). By default
# only where a worker does it: with tasks run in-process, publishing would wait on YouTube.
FETCH_VIDEO_POSTERS = env_bool("FETCH_VIDEO_POSTERS", bool(REDIS_URL))


def redis_cache(url):
    """A Redis cache that fails as a miss (logged), never as an error page: Redis down must not take the site down."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "depository.cache"
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background work ------------------------------------------------------------------------

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Europe/Kyiv"
# No task runs longer than this (an index update or an e-mail takes seconds; bulk work runs as commands).
CELERY_TASK_SOFT_TIME_LIMIT = 25
CELERY_TASK_TIME_LIMIT = 30
# A message taken by a worker that vanished without a word (kill -9, lost machine) is delivered again
# once this long has passed since delivery: a little more than the longest task, checked every 5 s.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "40")),
    "unacked_restore_interval": 5,
    "unacked_restore_throttle": 1,
}
# Periodic work, sent by `celery beat` (one per deployment; `make worker` embeds it).
CELERY_BEAT_SCHEDULE = {
    "reconcile-search-index": {
        "task": "jobs.tasks.run_django_task",
        "args": ("search.tasks.reconcile_search_index", [], {}),
        "schedule": 15 * 60,
    },
    "expire-unconfirmed-registrations": {
        "task": "jobs.tasks.run_django_task",
        "args": ("events.tasks.expire_unconfirmed_registrations", [], {}),
        "schedule": 10 * 60,
    },
    "release-contest-results": {
        "task": "jobs.tasks.run_django_task",
        "args": ("contest.tasks.release_due_results", [], {}),
        "schedule": 5 * 60,
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Requests relay the outbox after they commit: a broker that is away must fail fast, not hold them up.
CELERY_BROKER_CONNECTION_TIMEOUT = 2

# Every background task, Wagtail's own (search index and reference index updates) included, goes to
# Celery through the transactional outbox (jobs/outbox.py) when a broker is configured.
TASKS = {
    "default": {
        "BACKEND": "jobs.backend.CeleryBackend" if REDIS_URL else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

# --- Search ---------------------------------------------------------------------------------

SEARCH_URL = os.environ.get("SEARCH_URL", "")

if SEARCH_URL:
    _search_url = urlsplit(SEARCH_URL)
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Ukrainian and English analysis over modelsearch's backend for this client (see search/backends.py).
            "BACKEND": "search.backends",
            "CLIENT": os.environ.get("SEARCH_BACKEND", "opensearch3"),
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "depository_"),
            "TIMEOUT": 10,
        },
        # Kept up to date beside the engine, so that search still answers while the engine does not.
        "fallback": {"BACKEND": "search.database"},  # ranked in one bounded query (see search/database.py)
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.database"}}

# --- Mail -----------------------------------------------------------------------------------

EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    globals().update(dj_email_url.parse(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "depository@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 10  # seconds: well inside the tasks' time limit

# --- Languages ------------------------------------------------------------------------------

LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", "Українська"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The project's catalogue, then locale/upstream/: corrections of the Ukrainian catalogues of Wagtail,
# wagtail-localize and Django for the admin (see the header of its django.po). Both take precedence over
# the apps' catalogues; makemessages writes only to the first.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "upstream"]
USE_I18N = True
TIME_ZONE = "Europe/Kyiv"
USE_TZ = True

# --- Static and media files ----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# In development WhiteNoise serves files from the apps' folders; production serves collectstatic's output.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
# "private" holds what only some users may read (contest entries' files), served by permission-checked views.
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded files are served by the application from MEDIA_ROOT (depository/media.py) for this long.
MEDIA_MAX_AGE = int(os.environ.get("MEDIA_MAX_AGE", str(30 * 24 * 3600)))
# Or kept in an S3-compatible bucket (django-storages; `pip install boto3` where it is used). The
# credentials stay in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), read by boto3.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        sys.exit("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME (and AWS_S3_ENDPOINT_URL outside Amazon S3).")
    if importlib.util.find_spec("boto3") is None:
        sys.exit("MEDIA_STORAGE=s3 needs the S3 client: pip install boto3.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # A public custom domain (a CDN) serves plain URLs; otherwise every URL is signed.
            "querystring_auth": not os.environ.get("AWS_S3_CUSTOM_DOMAIN"),
            "file_overwrite": False,  # a new upload never replaces another file of the same name
            "object_parameters": {"CacheControl": f"public, max-age={MEDIA_MAX_AGE}"},
        },
    }
    # Private files go under their own prefix, never through the public domain; the application streams them.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **{name: STORAGES["default"]["OPTIONS"][name] for name in ("bucket_name", "endpoint_url", "region_name")},
            "location": "private",
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
    _media = urlsplit(
        f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
        if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
        else os.environ.get("AWS_S3_ENDPOINT_URL") or "https://s3.amazonaws.com"
    )
    # Pictures and clips come from the bucket's host, or its virtual-hosted subdomains.
    for _directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += [
            f"{_media.scheme}://{_media.netloc}",
            f"{_media.scheme}://*.{_media.netloc}",
        ]
elif MEDIA_STORAGE != "local":
    sys.exit(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}.")

# --- Wagtail --------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = _("Depository of e-governance best practices")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "odp", "rtf", "txt", "xlsx", "zip"] + [
    "mp4",  # video clips of cases, played by the browser
    "webm",
    "ogv",
    "vtt",  # their subtitles
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 300 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Editors' avatars are uploaded, never fetched from Gravatar: an editor's e-mail address (hashed) is
# not sent to another service each time the admin opens.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The largest request body the public site takes (forms, registrations); the admin keeps the limits above.
PUBLIC_REQUEST_MAX_SIZE = int(os.environ.get("PUBLIC_REQUEST_MAX_SIZE", str(1024 * 1024)))
# Addresses that take files (a contest entry's documents and photos): the largest file and the form around it.
PUBLIC_UPLOAD_PATHS = re.compile(r"^/[a-z]{2}/contest/entries/[\w-]+/files/$")
PUBLIC_UPLOAD_MAX_SIZE = max(CONTEST_DOCUMENT_MAX_SIZE, CONTEST_PHOTO_MAX_SIZE) + 1024 * 1024

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Headless API ---------------------------------------------------------------------------

# The OpenAPI schema is generated from the views (drf-spectacular): /api/schema/, /api/docs/.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "depository.api.exception_handler",
}
# Editors preview drafts in another frontend at this address (home/headless_preview.py); it gets
# ?content_type=…&token=… and reads the draft from /api/v2/page_preview/ for this many seconds.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL}, "ENFORCE_TRAILING_SLASH": False}
# The admin frames that frontend, and the frontend reads the API from the browser.
_preview = urlsplit(HEADLESS_PREVIEW_URL)
HEADLESS_PREVIEW_ORIGINS = [f"{_preview.scheme}://{_preview.netloc}"] if HEADLESS_PREVIEW_URL else []
# Other frontends and partner portals that may read the API from a browser (comma-separated origins,
# such as https://frontend.example.org); none by default. Reads only: the API takes no writes.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS") + HEADLESS_PREVIEW_ORIGINS
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag"]  # Last-Modified is readable without it
SPECTACULAR_SETTINGS = {
    "TITLE": _("Depository of e-governance best practices: API"),
    "DESCRIPTION": _(
        "The site's content as JSON: pages of every type with their fields and filters, images, "
        "documents, search with its facets, and open data. Version 2 is stable: fields and parameters are "
        "only added, never renamed or removed; a change that breaks clients comes as a new version beside "
        "this one, announced in the news and in this description at least six months before v2 ends."
    ),
    "VERSION": "2",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v[0-9]+",
    "PREPROCESSING_HOOKS": ["depository.api_schema.public_endpoints"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "depository.api_schema.closed_components",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# The open-data catalogue of the case library (DCAT-AP, practices/opendata.py): the licence of the
# downloads and the address harvesters write to.
OPEN_DATA_LICENSE_URL = os.environ.get("OPEN_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/")
OPEN_DATA_CONTACT_EMAIL = os.environ.get("OPEN_DATA_CONTACT_EMAIL", DEFAULT_FROM_EMAIL)

# Webhooks (webhooks/addresses.py) go to public addresses only; a receiver on the same machine or
# network (development, tests) needs this on.
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = env_bool("WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", default=False)

# --- Logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"exception_in_one_line": {"()": "depository.logs.ExceptionInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        DJANGO_REDIS_LOGGER: {"filters": ["exception_in_one_line"]},  # one line per failed cache call
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # failed logins and lockouts, without the chatter of each check
    },
}
