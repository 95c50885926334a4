#!/usr/bin/env python3
"""Invitation creation throughput against a running stack (not part of the build).

Each invitation is the whole path: the authorization check and the team lookup at user-service, the seat
reservation and commit at billing-service, the insert with its outbox event, and the mail over SMTP.
The Free plan allows 50 users (the Owner holds one), so the invitations are spread over several new
organizations, 45 each.

  deploy/stack up                                  # or: ORGPLATFORM_TEST_PORT_OFFSET=3000 deploy/stack up --profile test
  invitation-service/bench/invitation_throughput.py --orgs 4 --concurrency 16
  invitation-service/bench/invitation_throughput.py --keycloak http://127.0.0.1:31080 --org-service http://127.0.0.1:31181 \
      --user-service http://127.0.0.1:31182 --invitation-service http://127.0.0.1:31183   # the test stack at offset 3000
"""
import argparse
import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor


def call(method, url, token=None, body=None, form=None):
    headers = {}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        data = urllib.parse.urlencode(form).encode()
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            raw = r.read()
            return r.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw) if raw else None
        except ValueError:
            return e.code, raw.decode(errors="replace")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--keycloak", default="http://127.0.0.1:18080")
    p.add_argument("--org-service", default="http://127.0.0.1:8081")
    p.add_argument("--user-service", default="http://127.0.0.1:8082")
    p.add_argument("--invitation-service", default="http://127.0.0.1:8083")
    p.add_argument("--user", default="demo@example.com")
    p.add_argument("--password", default="demo")
    p.add_argument("--orgs", type=int, default=4)
    p.add_argument("--per-org", type=int, default=45)
    p.add_argument("--concurrency", type=int, default=16)
    a = p.parse_args()

    status, tok = call("POST", a.keycloak + "/realms/org-platform/protocol/openid-connect/token",
                       form={"grant_type": "password", "client_id": "org-platform-cli", "username": a.user, "password": a.password})
    assert status == 200, tok
    token = tok["access_token"]
    me = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "==").decode())["sub"]

    orgs = []
    for _ in range(a.orgs):
        status, org = call("POST", a.org_service + "/api/v1/organizations", token,
                           {"name": "bench-" + uuid.uuid4().hex[:8], "displayName": "Bench", "region": "EU"})
        assert status == 201, org
        orgs.append(org["id"])
    for org in orgs:  # user-service made the Owner and "My Team" from the event
        deadline = time.time() + 60
        while call("GET", f"{a.user_service}/api/v1/organizations/{org}/members/{me}", token)[0] != 200:
            assert time.time() < deadline, "user-service never made the Owner of " + org
            time.sleep(0.2)

    jobs = [(org, f"bench-{i}-{uuid.uuid4().hex[:10]}@example.com") for org in orgs for i in range(a.per_org)]

    def invite(job):
        org, email = job
        return call("POST", f"{a.invitation_service}/api/v1/organizations/{org}/invitations", token,
                    {"email": email, "name": "Bench Invitee", "role": "VIEWER", "teams": ["My Team"]})

    started = time.perf_counter()
    with ThreadPoolExecutor(a.concurrency) as pool:
        results = list(pool.map(invite, jobs))
    elapsed = time.perf_counter() - started

    created = sum(1 for s, body in results if s == 201 and body.get("deliveryState") == "SENT")
    others = {}
    for s, body in results:
        if not (s == 201 and body.get("deliveryState") == "SENT"):
            key = f"{s} {body.get('title') if isinstance(body, dict) else body}"
            others[key] = others.get(key, 0) + 1
    print(f"{created} invitations created and mailed in {elapsed:.2f} s with {a.concurrency} concurrent clients: "
          f"{created / elapsed:.1f} invitations/second")
    if others:
        print("other answers:", others)


if __name__ == "__main__":
    main()
