"""FastAPI + Starlette's CORSMiddleware, configured the usual ways, one sub-application per case.

Run by e2e/middleware/python-lab.ts with Debian's python3 (python3-fastapi, python3-uvicorn):
  python3 fastapi_lab.py <config.json>
  config: {"port": <port>, "cases": {"<id>": {"cors": {CORSMiddleware kwargs} | null, "fails": bool}}}
Each case answers at /p/<id>/r; what Starlette answers is its own business, Chromium judges it.
"""
import json
import sys

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def case_app(cors, fails):
    sub = FastAPI()
    if cors is not None:
        sub.add_middleware(CORSMiddleware, **cors)

    @sub.api_route("/r", methods=["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"])
    async def route():
        if fails:
            raise RuntimeError("database down")
        return {"ok": True}

    return sub


with open(sys.argv[1], encoding="utf-8") as f:
    config = json.load(f)
app = FastAPI()
for case_id, spec in config["cases"].items():
    app.mount(f"/p/{case_id}", case_app(spec.get("cors"), spec.get("fails", False)))

uvicorn.run(app, host="127.0.0.1", port=config["port"], log_level="critical")
