"""Flask + Flask-CORS, configured the usual ways: one Flask-CORS resource per case.

Run by e2e/middleware/python-lab.ts with Debian's python3 (python3-flask, python3-flask-cors):
  python3 flask_lab.py <config.json>
  config: {"port": <port>, "cases": {"<id>": {"cors": {Flask-CORS resource options} | null, "fails": bool}}}
Each case answers at /f/<id>/r on Werkzeug's server; Chromium judges what Flask-CORS answers.
"""
import json
import logging
import sys

from flask import Flask
from flask_cors import CORS

with open(sys.argv[1], encoding="utf-8") as f:
    config = json.load(f)

app = Flask(__name__)
CORS(app, resources={f"/f/{case_id}/*": spec["cors"] for case_id, spec in config["cases"].items() if spec.get("cors") is not None})
logging.getLogger("werkzeug").setLevel(logging.ERROR)


@app.route("/f/<case_id>/r", methods=["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"])
def route(case_id):
    if config["cases"].get(case_id, {}).get("fails"):
        raise RuntimeError("database down")
    return {"ok": True}


app.run(host="127.0.0.1", port=config["port"], threaded=True)
