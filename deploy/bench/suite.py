#!/usr/bin/env python3
"""The platform's benchmark suite against a running test stack (deploy/bench/run starts one and calls this).

For each scale (organizations:users:memberships) the same shape is seeded on both sides: organizations through
org-service's API (so user-service learns them from org-service's events) and in a Keycloak realm with organizations
enabled; users and memberships straight into user-service's database (its change feed spreads them to the access
view like any committed write) and into that Keycloak realm with the same user ids. Then wrk (2 threads, 32
connections) runs each lookup: a warm-up run (reported apart, not counted), then several measured runs alternating
between the platform and Keycloak; the table shows the medians. Afterwards: invitations per second (the whole path),
each consumer's commit-to-effect latency (platform_events_commit_to_effect_seconds of each service) and the
services' resident memory.
"""
import argparse
import base64
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
PLATFORM_REALM = "org-platform"
KEYCLOAK_REALM = "bench-organizations"


def call(method, url, token=None, body=None, form=None, raw=None, content_type=None):
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
    if raw is not None:
        headers["Content-Type"] = content_type
        data = raw.encode()
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            text = r.read()
            return r.status, parse(text), r.headers
    except urllib.error.HTTPError as e:
        return e.code, parse(e.read()), e.headers


def parse(text):
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text.decode(errors="replace")


def ok(answer, *statuses):
    status, body, _ = answer
    if status not in statuses:
        sys.exit(f"unexpected answer {status}: {str(body)[:500]}")
    return body


def subject(token):
    return json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "==").decode())["sub"]


def in_parallel(fn, items, workers=16):
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(fn, items))


class Stack:
    def __init__(self, offset, state_dir):
        self.keycloak = f"http://127.0.0.1:{28080 + offset}"
        self.org = f"http://127.0.0.1:{28181 + offset}"
        self.user = f"http://127.0.0.1:{28182 + offset}"
        self.invitation = f"http://127.0.0.1:{28183 + offset}"
        self.billing = f"http://127.0.0.1:{28184 + offset}"
        self.pg_port = 25432 + offset
        self.state_dir = state_dir

    def admin_token(self):
        """Keycloak's master-realm token, fetched again once it is 30 s old (it lives 60 s)."""
        cached = getattr(self, "_admin", None)
        if cached and time.time() - cached[1] < 30:
            return cached[0]
        token = ok(call("POST", f"{self.keycloak}/realms/master/protocol/openid-connect/token",
                       form={"grant_type": "password", "client_id": "admin-cli", "username": "admin", "password": "admin"}),
                   200)["access_token"]
        self._admin = (token, time.time())
        return token

    def user_token(self, email, password):
        return ok(call("POST", f"{self.keycloak}/realms/{PLATFORM_REALM}/protocol/openid-connect/token",
                       form={"grant_type": "password", "client_id": "org-platform-cli", "username": email,
                             "password": password}), 200)["access_token"]

    def service_token(self, client):
        return ok(call("POST", f"{self.keycloak}/realms/{PLATFORM_REALM}/protocol/openid-connect/token",
                       form={"grant_type": "client_credentials", "client_id": client, "client_secret": client + "-secret"}),
                  200)["access_token"]

    def sql(self, database, statement):
        env = dict(os.environ, PGPASSWORD="platform")
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "platform",
                        "-d", database], input=statement, text=True, check=True, env=env, stdout=subprocess.DEVNULL)

    def cpu_seconds(self):
        """CPU time used so far by each component of the stack (its process and their children)."""
        tick = os.sysconf("SC_CLK_TCK")

        def tree(pid):
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                used = int(fields[11]) + int(fields[12])
                with open(f"/proc/{pid}/task/{pid}/children") as f:
                    return used + sum(tree(c) for c in f.read().split())
            except OSError:
                return 0

        run = os.path.join(self.state_dir, "run")
        used = {}
        for name in sorted(os.listdir(run)):
            if name.endswith(".pid"):
                with open(os.path.join(run, name)) as f:
                    used[name[:-4]] = tree(f.read().split()[0]) / tick
        return used

    def rss_mb(self, service):
        with open(os.path.join(self.state_dir, "run", service + ".pid")) as f:
            pid = f.read().split()[0]
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS"))


class Seed:
    """What both sides hold: organizations (platform id, Keycloak id), users, memberships as index pairs."""

    def __init__(self, stack):
        self.stack = stack
        self.orgs = []
        self.users = []
        self.memberships = []
        admin = stack.admin_token()
        if call("GET", f"{stack.keycloak}/admin/realms/{KEYCLOAK_REALM}", admin)[0] == 200:
            ok(call("DELETE", f"{stack.keycloak}/admin/realms/{KEYCLOAK_REALM}", admin), 204)
        ok(call("POST", f"{stack.keycloak}/admin/realms", admin,
                {"realm": KEYCLOAK_REALM, "enabled": True, "organizationsEnabled": True}), 201)
        self.owner_email = f"bench-owner-{uuid.uuid4().hex[:8]}@bench.test"
        self.owner_password = "bench-" + uuid.uuid4().hex
        ok(call("POST", f"{stack.keycloak}/admin/realms/{PLATFORM_REALM}/users", admin,
                {"username": self.owner_email, "email": self.owner_email, "emailVerified": True, "enabled": True,
                 "firstName": "Bench", "lastName": "Owner",
                 "credentials": [{"type": "password", "value": self.owner_password, "temporary": False}]}), 201)
        self.owner_id = subject(self.owner_token())

    def owner_token(self):
        return self.stack.user_token(self.owner_email, self.owner_password)

    def grow(self, orgs, users, memberships):
        self._organizations(orgs)
        self._users(users)
        self._memberships(memberships)

    def _organizations(self, count):
        s = self.stack
        token = self.owner_token()
        start = len(self.orgs)

        def create(i):
            name = f"bench-{i}-{uuid.uuid4().hex[:6]}"
            platform = ok(call("POST", f"{s.org}/api/v1/organizations", token,
                               {"name": name, "displayName": f"Bench {i}", "region": "EU"}), 201)["id"]
            answer = call("POST", f"{s.keycloak}/admin/realms/{KEYCLOAK_REALM}/organizations", s.admin_token(),
                          {"name": name, "alias": name, "enabled": True, "domains": [{"name": name + ".bench.test"}]})
            ok(answer, 201)
            return platform, answer[2]["Location"].rsplit("/", 1)[1]

        began = time.time()
        self.orgs += in_parallel(create, range(start, count), 8)
        deadline = time.time() + 300
        for platform, _ in self.orgs[start:]:  # user-service made each Owner from org-service's event
            while call("GET", f"{s.user}/api/v1/organizations/{platform}/members/{self.owner_id}", token)[0] != 200:
                if time.time() > deadline:
                    sys.exit(f"user-service never made the Owner of {platform}")
                time.sleep(0.2)
        print(f"  {count - start} organizations on both sides in {time.time() - began:.0f} s", flush=True)

    def _users(self, count):
        s = self.stack
        start = len(self.users)
        fresh = [str(uuid.uuid4()) for _ in range(start, count)]
        self.users += fresh
        began = time.time()
        for chunk in range(0, len(fresh), 500):
            part = fresh[chunk:chunk + 500]
            ok(call("POST", f"{s.keycloak}/admin/realms/{KEYCLOAK_REALM}/partialImport", s.admin_token(),
                    {"ifResourceExists": "SKIP", "users": [
                        {"id": u, "username": f"u-{u}", "email": f"u-{u}@bench.test", "enabled": True} for u in part]}), 200)
            values = ",".join(f"('{u}','u-{u}@bench.test','Bench User','ACTIVE',now(),0)" for u in part)
            s.sql("users", f"insert into user_profile (id, email, name, status, created_at, version) values {values}")
        print(f"  {len(fresh)} users on both sides in {time.time() - began:.0f} s", flush=True)

    def _memberships(self, count):
        s = self.stack
        start = len(self.memberships)
        pairs = []
        i = start
        taken = set(self.memberships)
        while len(pairs) < count - start:  # each user in about count/users organizations, spread over all of them
            u = i % len(self.users)
            o = (i * 7919 + i // len(self.users)) % len(self.orgs)
            i += 1
            if (o, u) not in taken:
                taken.add((o, u))
                pairs.append((o, u))
        self.memberships += pairs
        began = time.time()
        for chunk in range(0, len(pairs), 2000):
            values = ",".join(f"(gen_random_uuid(),'{self.orgs[o][0]}','{self.users[u]}','DEVELOPER',now(),0)"
                              for o, u in pairs[chunk:chunk + 2000])
            s.sql("users", f"insert into membership (id, organization_id, user_id, role, created_at, version) values {values}")

        def join(pair):
            o, u = pair
            ok(call("POST", f"{s.keycloak}/admin/realms/{KEYCLOAK_REALM}/organizations/{self.orgs[o][1]}/members",
                    s.admin_token(), raw=json.dumps(self.users[u]), content_type="application/json"), 201)

        in_parallel(join, pairs, 16)
        print(f"  {len(pairs)} memberships on both sides in {time.time() - began:.0f} s", flush=True)

    def lookup_file(self, side, per_org):
        """The wrk script's input: "org user" lines, every membership, or every organization with its Owner."""
        column = 0 if side == "platform" else 1
        rows = [(org[column], self.owner_id) for org in self.orgs] if per_org \
            else [(self.orgs[o][column], self.users[u]) for o, u in self.memberships]
        path = os.path.join(self.stack.state_dir, f"bench-{'orgs' if per_org else 'pairs'}-{side}.txt")
        with open(path, "w") as f:
            f.writelines(f"{org} {user}\n" for org, user in rows)
        return path


def wrk(base, mode, pairs, token, seconds, args):
    env = dict(os.environ, BENCH_PAIRS=pairs, BENCH_MODE=mode, BENCH_TOKEN=token, BENCH_REALM=KEYCLOAK_REALM)
    out = subprocess.run(["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{seconds}s",
                          "--timeout", "10s", "-s", os.path.join(HERE, "pairs.lua"), base],
                         env=env, capture_output=True, text=True, timeout=seconds + 60).stdout
    m = re.search(r"RESULT requests=(\d+) seconds=([\d.]+) rps=([\d.]+) p50_ms=([\d.]+) p99_ms=([\d.]+) errors=(\d+)", out)
    if not m:
        sys.exit("wrk printed no result:\n" + out)
    result = {"rps": float(m[3]), "p50": float(m[4]), "p99": float(m[5]), "errors": int(m[6])}
    if result["errors"]:
        sys.exit(f"{mode}: {result['errors']} requests failed or answered 4xx/5xx")
    return result


def compare(stack, seed, args, platform_mode, keycloak_mode, per_org):
    """A warm-up run of each side, then args.runs measured runs of each, alternating; medians."""
    sides = {
        "platform": (stack.user, platform_mode, seed.lookup_file("platform", per_org)),
        "keycloak": (stack.keycloak, keycloak_mode, seed.lookup_file("keycloak", per_org)),
    }

    def token(side):
        if side == "keycloak":
            return stack.admin_token()
        return seed.owner_token() if per_org else stack.service_token("invitation-service")

    warmup, runs = {}, {"platform": [], "keycloak": []}
    for side, (base, mode, pairs) in sides.items():
        warmup[side] = wrk(base, mode, pairs, token(side), args.warmup, args)
    for _ in range(args.runs):
        for side, (base, mode, pairs) in sides.items():
            runs[side].append(wrk(base, mode, pairs, token(side), args.seconds, args))
    med = {side: {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50", "p99")} for side, rs in runs.items()}
    return med, warmup, runs


def checks_answer_allowed(stack, seed):
    token = stack.service_token("invitation-service")
    for o, u in seed.memberships[:: max(1, len(seed.memberships) // 50)]:
        body = ok(call("POST", f"{stack.user}/api/v1/authorization/check", token,
                       {"userId": seed.users[u], "organizationId": seed.orgs[o][0], "permission": "device:write",
                        "secondFactor": False}), 200)
        if not body["allowed"]:
            sys.exit(f"a seeded membership is not allowed: {body}")


def invitations_per_second(stack, args):
    """Whole-path invitations (check, team lookup, seat reservation, row, outbox, mail; billing-service commits the seat from the event)."""
    admin = stack.admin_token()
    email = f"bench-inviter-{uuid.uuid4().hex[:8]}@bench.test"
    password = "bench-" + uuid.uuid4().hex
    ok(call("POST", f"{stack.keycloak}/admin/realms/{PLATFORM_REALM}/users", admin,
            {"username": email, "email": email, "emailVerified": True, "enabled": True, "firstName": "Bench",
             "lastName": "Inviter", "credentials": [{"type": "password", "value": password, "temporary": False}]}), 201)
    token = stack.user_token(email, password)
    me = subject(token)
    orgs = [ok(call("POST", f"{stack.org}/api/v1/organizations", token,
                    {"name": f"bench-inv-{uuid.uuid4().hex[:8]}", "displayName": "Bench", "region": "EU"}), 201)["id"]
            for _ in range(args.invitation_orgs)]
    for org in orgs:
        deadline = time.time() + 60
        while call("GET", f"{stack.user}/api/v1/organizations/{org}/members/{me}", token)[0] != 200:
            if time.time() > deadline:
                sys.exit("user-service never made the Owner of " + org)
            time.sleep(0.2)
    jobs = [(org, f"invitee-{i}-{uuid.uuid4().hex[:10]}@bench.test") for org in orgs for i in range(45)]

    def invite(job):
        org, address = job
        return call("POST", f"{stack.invitation}/api/v1/organizations/{org}/invitations", token,
                    {"email": address, "name": "Bench Invitee", "role": "VIEWER", "teams": ["My Team"]})

    invite(jobs.pop())
    cpu_before = stack.cpu_seconds()
    began = time.perf_counter()
    results = in_parallel(invite, jobs, args.invitation_concurrency)
    elapsed = time.perf_counter() - began
    cpu = {k: v - cpu_before.get(k, 0) for k, v in stack.cpu_seconds().items()}
    sent = sum(1 for s, body, _ in results if s == 201 and body.get("deliveryState") == "SENT")
    return {"count": len(jobs), "sent": sent, "seconds": elapsed, "per_second": sent / elapsed,
            "cpu_ms_each": {k: 1000 * v / max(1, len(jobs)) for k, v in cpu.items()}}


def commit_to_effect(stack):
    """p50/p99 of every consumer's commit-to-effect latency, from each service's Prometheus metrics."""
    rows = []
    for service, base in (("org-service", stack.org), ("user-service", stack.user),
                          ("invitation-service", stack.invitation), ("billing-service", stack.billing)):
        text = ok(call("GET", base + "/q/metrics"), 200)
        found = {}
        for m in re.finditer(r'^platform_events_commit_to_effect_seconds\{([^}]*)\} ([\d.eE+-]+)$', text, re.M):
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m[1]))
            if "quantile" in labels:
                found.setdefault(labels["source"], {})[labels["quantile"]] = float(m[2]) * 1000
        for m in re.finditer(r'^platform_events_commit_to_effect_seconds_count\{([^}]*)\} ([\d.eE+-]+)$', text, re.M):
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m[1]))
            found.setdefault(labels["source"], {})["count"] = int(float(m[2]))
        for consumer, q in sorted(found.items()):
            rows.append((service, consumer, q.get("count", 0), q.get("0.5"), q.get("0.99")))
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--offset", type=int, default=int(os.environ.get("ORGPLATFORM_TEST_PORT_OFFSET", "3000")))
    p.add_argument("--state-dir", required=True)
    p.add_argument("--scales", default="100:1000:3000,1000:10000:30000", help="organizations:users:memberships, growing")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--seconds", type=int, default=20)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--invitation-orgs", type=int, default=8)
    p.add_argument("--invitation-concurrency", type=int, default=32)
    p.add_argument("--invitation-warmups", type=int, default=6,
                   help="bursts before the measured one: C2 still compiles the path after thousands of invitations")
    p.add_argument("--parts", default="lookups,invitations", help="which parts run: lookups, invitations or both")
    p.add_argument("--results", required=True, help="file the markdown table is written to")
    args = p.parse_args()
    stack = Stack(args.offset, args.state_dir)
    services = ("org-service", "user-service", "invitation-service", "billing-service")
    out = []

    def emit(line=""):
        print(line, flush=True)
        out.append(line)

    parts = set(args.parts.split(","))
    rss_started = {s: stack.rss_mb(s) for s in services}
    if "lookups" in parts:
        lookups(stack, args, emit)
    rss_loaded = {s: stack.rss_mb(s) for s in services}
    if "invitations" in parts:
        # the first bursts run code the JIT has not compiled yet: reported, not counted
        warm = [invitations_per_second(stack, args)["per_second"] for _ in range(args.invitation_warmups)]
        inv = invitations_per_second(stack, args)
        emit()
        emit(f"Invitations: {inv['sent']} of {inv['count']} created and mailed in {inv['seconds']:.1f} s with "
             f"{args.invitation_concurrency} concurrent clients: **{inv['per_second']:.0f} invitations/s** "
             f"(warm-up bursts before it, not counted: {', '.join(f'{w:.0f}/s' for w in warm)})")
        emit()
        emit("CPU per invitation during the measured burst: " + ", ".join(
            f"{k} {v:.1f} ms" for k, v in sorted(inv["cpu_ms_each"].items(), key=lambda kv: -kv[1]) if v >= 0.05)
             + f"; {sum(inv['cpu_ms_each'].values()):.0f} ms in all")
        time.sleep(3)
    emit()
    emit("| consumer | events from | events | commit-to-effect p50 ms | p99 ms |")
    emit("|---|---|---|---|---|")
    for service, consumer, count, p50, p99 in commit_to_effect(stack):
        emit(f"| {service} | {consumer} | {count} | {p50:.0f} | {p99:.0f} |" if p50 is not None
             else f"| {service} | {consumer} | {count} | | |")
    rss_after = {s: stack.rss_mb(s) for s in services}
    emit()
    emit("| service | RSS after start | after the lookups | after the invitations |")
    emit("|---|---|---|---|")
    for s in services:
        emit(f"| {s} | {rss_started[s]} MB | {rss_loaded[s]} MB | {rss_after[s]} MB |")
    emit(f"| the four | {sum(rss_started.values())} MB | {sum(rss_loaded.values())} MB | {sum(rss_after.values())} MB |")
    with open(args.results, "w") as f:
        f.write("\n".join(out) + "\n")


def lookups(stack, args, emit):
    """The check and a page of members against Keycloak's lookups, at each scale."""
    seed = Seed(stack)
    emit(f"wrk -t{args.threads} -c{args.connections}, {args.seconds} s runs, medians of {args.runs} "
         f"(a {args.warmup} s warm-up run of each side first, not counted)")
    emit()
    emit("| data | lookup | platform /s | p50 / p99 ms | Keycloak /s | p50 / p99 ms | ratio | warm-up /s (platform, Keycloak) |")
    emit("|---|---|---|---|---|---|---|---|")
    for scale in args.scales.split(","):
        orgs, users, memberships = (int(x) for x in scale.split(":"))
        print(f"seeding {orgs} organizations, {users} users, {memberships} memberships", flush=True)
        seed.grow(orgs, users, memberships)
        checks_answer_allowed(stack, seed)
        data = f"{orgs:,} orgs / {users:,} users / {memberships:,} memberships"
        for label, pm, km, per_org in (("member of an org", "check", "keycloak-member", False),
                                       ("page of 20 members", "members-page", "keycloak-members-page", True)):
            med, warm, _ = compare(stack, seed, args, pm, km, per_org)
            pl, kc = med["platform"], med["keycloak"]
            emit(f"| {data} | {label} | {pl['rps']:,.0f} | {pl['p50']:.1f} / {pl['p99']:.1f} | {kc['rps']:,.0f} | "
                 f"{kc['p50']:.1f} / {kc['p99']:.1f} | {pl['rps'] / kc['rps']:.1f}× | "
                 f"{warm['platform']['rps']:,.0f}, {warm['keycloak']['rps']:,.0f} |")


if __name__ == "__main__":
    main()
