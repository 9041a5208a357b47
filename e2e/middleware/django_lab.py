"""Django + django-cors-headers, configured the usual ways: one set of CORS_* settings per case.

Run by e2e/middleware/python-lab.ts with Debian's python3 (python3-django, python3-django-cors-headers):
  python3 django_lab.py <config.json>
  config: {"port": <port>, "cases": {"<id>": {"cors": {CORS_* settings} | null, "fails": bool,
           "auth": "above" | absent, "cors_below_common": bool}}, "settings_py": <Python> | absent}
Each case answers at /d/<id>/r/ (a CSRF-exempt class-based view; /d/<id>/csrf/ is not exempt) on Django's
own server, single-threaded, so that each request runs with its case's settings (override_settings around
the whole middleware chain; CorsMiddleware reads its settings on every request). "auth": "above" puts an
auth middleware that refuses everything above CorsMiddleware; "cors_below_common" lists CorsMiddleware
below CommonMiddleware (the stock CorsMiddleware either way: the lab picks which of its two places runs it).

With "settings_py" (a fix CORS Lens gave, checked by e2e/fixes.spec.ts), the one case's settings are the
settings, and settings_py runs after them as if appended to settings.py: it may reorder MIDDLEWARE.
Chromium judges what django-cors-headers answers.
"""
import json
import logging
import re
import sys

import django
from django.conf import settings
from django.http import JsonResponse
from django.test.utils import override_settings
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from corsheaders.middleware import CorsMiddleware

with open(sys.argv[1], encoding="utf-8") as f:
    config = json.load(f)
CASES = config["cases"]
CASE = re.compile(r"^/d/([^/]+)/")


def spec_of(request):
    m = CASE.match(request.path_info)
    return CASES.get(m.group(1)) if m else None


def case_settings(get_response):
    """The case's CORS_* settings for the whole request (the server handles one request at a time)."""

    def middleware(request):
        spec = spec_of(request)
        if spec is None or spec.get("cors") is None:
            return get_response(request)
        with override_settings(**spec["cors"]):
            return get_response(request)

    return middleware


def auth_above(get_response):
    """An auth middleware listed above CorsMiddleware: it refuses the preflight too."""

    def middleware(request):
        spec = spec_of(request)
        if spec is not None and spec.get("auth") == "above":
            return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)
        return get_response(request)

    return middleware


def cors_here(below_common):
    """The stock CorsMiddleware at one of its two places in the lab's MIDDLEWARE, run for the cases that list it there."""

    def factory(get_response):
        cors = CorsMiddleware(get_response)

        def middleware(request):
            if bool((spec_of(request) or {}).get("cors_below_common")) == below_common:
                return cors(request)
            return get_response(request)

        return middleware

    return factory


cors_above_common = cors_here(False)
cors_below_common = cors_here(True)


class Resource(View):
    def dispatch(self, request, *args, **kwargs):
        if (spec_of(request) or {}).get("fails"):
            raise RuntimeError("database down")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, case_id):
        return JsonResponse({"ok": True})

    put = post = patch = delete = get


exempt = method_decorator(csrf_exempt, name="dispatch")(type("ExemptResource", (Resource,), {}))
urlpatterns = [
    path("d/<str:case_id>/r/", exempt.as_view()),
    path("d/<str:case_id>/csrf/", Resource.as_view()),
]

FIXED = "settings_py" in config
CORS = "corsheaders.middleware.CorsMiddleware"
if FIXED:
    # The one case's settings.py: its CorsMiddleware where the case lists it, the fix appended.
    (spec,) = CASES.values()
    below = bool(spec.get("cors_below_common"))
    above_common, below_common = ([], [CORS]) if below else ([CORS], [])
else:
    above_common, below_common = [f"{__name__}.cors_above_common"], [f"{__name__}.cors_below_common"]
# startproject's order with CorsMiddleware where django-cors-headers says (above CommonMiddleware), or below it.
ns = {
    "DEBUG": False,
    "SECRET_KEY": "cors-lens-lab",
    "ALLOWED_HOSTS": ["127.0.0.1"],
    "ROOT_URLCONF": __name__,
    "INSTALLED_APPS": ["corsheaders"],
    "MIDDLEWARE": [
        *([] if FIXED else [f"{__name__}.case_settings"]),
        f"{__name__}.auth_above",
        "django.middleware.security.SecurityMiddleware",
        *above_common,
        "django.middleware.common.CommonMiddleware",
        *below_common,
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    "LOGGING": {"version": 1, "disable_existing_loggers": True},
}
if FIXED:
    ns.update(spec.get("cors") or {})
    exec(config["settings_py"], ns)
settings.configure(**{k: v for k, v in ns.items() if k.isupper()})
django.setup()
logging.disable(logging.CRITICAL)

from django.core.servers.basehttp import run  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

run("127.0.0.1", config["port"], get_wsgi_application(), threading=False)
