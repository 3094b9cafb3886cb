#!/usr/bin/env python3
"""A Flows API client using only Python's standard library (urllib).

It runs the reference service's typical loop: create a flow with a prompt (a flow created with
inputs starts at once), poll GET /flows/{id} every second until it is completed, failed or
aborted, list the outputs, and download the GLB of each. Written as client code for the hosted
service is written; pointed at this server by its base URL and API key only.

    python3 flows_client.py --base-url http://127.0.0.1:8080 --api-key fe_... \\
        --prompt "a red chair" --out chair.glb

FLOWS_API_URL and FLOWS_API_KEY may replace the two flags. Exit status 0 when a GLB was
downloaded and starts with the glTF magic, 1 otherwise.
"""

import argparse
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request

TERMINAL_STATES = ("completed", "failed", "aborted")


class FlowsApiError(Exception):
    """An HTTP error answered by the API, with its status and JSON detail."""

    def __init__(self, status, detail):
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.detail = detail


class FlowsClient:
    """The endpoints the typical loop uses, one method each."""

    def __init__(self, base_url, api_key, timeout=60):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.last_headers = None

    def _call(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.api_key)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                self.last_headers = response.headers
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raw = error.read().decode("utf-8", "replace")
            try:
                detail = json.loads(raw).get("detail", raw)
            except ValueError:
                detail = raw
            raise FlowsApiError(error.code, detail) from None

    def list_templates(self):
        return self._call("GET", "/templates")["templates"]

    def create_flow(
        self,
        template,
        parameters=None,
        additional=None,
        inputs=None,
        start_at=None,
        idempotency_key=None,
    ):
        """Creates a flow. start_at (ISO-8601) delays its start; with idempotency_key a repeat
        returns the first flow (then self.last_headers has Idempotent-Replayed: true), and the
        same key with a different request raises FlowsApiError 409."""
        body = {"template": template, "parameters": parameters or {}}
        if additional is not None:
            body["additional"] = additional
        if inputs:
            body["inputs"] = inputs
        if start_at is not None:
            body["start_at"] = start_at
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return self._call("POST", "/flows", body, headers)

    def start_flow(self, flow_id, start_at=None):
        body = {"action": "start"}
        if start_at is not None:
            body["start_at"] = start_at
        return self._call("PATCH", "/flows/" + flow_id, body)

    def abort_flow(self, flow_id):
        return self._call("PATCH", "/flows/" + flow_id, {"action": "abort"})

    def get_history(self, flow_id):
        """Returns {flow_id, transitions: [{from, to, at, attempt, error}], dropped}."""
        return self._call("GET", "/flows/" + flow_id + "/history")

    def get_flow(self, flow_id):
        return self._call("GET", "/flows/" + flow_id)

    def list_outputs(self, flow_id):
        return self._call("GET", "/flows/" + flow_id + "/outputs")["outputs"]

    def get_output(self, flow_id, asset_id):
        return self._call("GET", "/flows/" + flow_id + "/outputs/" + asset_id)

    def delete_flow(self, flow_id):
        return self._call("DELETE", "/flows/" + flow_id)


def decode_data_uri(data_uri):
    """Returns (media type, bytes) of a data:<type>;base64,<payload> URI."""
    header, _, payload = data_uri.partition(",")
    if not header.startswith("data:") or not header.endswith(";base64"):
        raise ValueError("not a base64 data URI: " + header[:60])
    return header[len("data:"):-len(";base64")], base64.b64decode(payload)


def wait_for_flow(client, flow_id, interval, timeout):
    """Polls the flow every `interval` seconds until it is terminal; returns it."""
    deadline = time.monotonic() + timeout
    while True:
        flow = client.get_flow(flow_id)
        print(f"flow {flow_id}: {flow['state']} {flow['progress'] * 100:.0f}%", flush=True)
        if flow["state"] in TERMINAL_STATES:
            return flow
        if time.monotonic() > deadline:
            raise TimeoutError(f"flow {flow_id} still {flow['state']} after {timeout} s")
        time.sleep(interval)


def run(args):
    client = FlowsClient(args.base_url, args.api_key)
    names = [template["name"] for template in client.list_templates()]
    print("templates: " + ", ".join(names))
    flow = client.create_flow(
        "model_generate_fromprompt",
        parameters={"quality": args.quality, "seed": args.seed},
        additional={"client": "flows_client.py"},
        inputs=[{"data": args.prompt, "additional": {"prompt": args.prompt}}],
    )
    print(f"created flow {flow['flow_id']} ({flow['state']})")
    flow = wait_for_flow(client, flow["flow_id"], args.poll_interval, args.timeout)
    if flow["state"] != "completed":
        print(f"flow ended {flow['state']}: {flow.get('error')}", file=sys.stderr)
        return 1
    outputs = client.list_outputs(flow["flow_id"])
    print(f"{len(outputs)} output(s)")
    for index, output in enumerate(outputs):
        media_type, content = decode_data_uri(client.get_output(flow["flow_id"], output["id"])["data"])
        path = args.out if index == 0 else f"{args.out}.{index}"
        with open(path, "wb") as file:
            file.write(content)
        print(f"downloaded {output['id']} ({media_type}, {len(content)} bytes) to {path}")
        if media_type != "model/gltf-binary" or content[:4] != b"glTF":
            print(f"output {output['id']} is not a GLB", file=sys.stderr)
            return 1
    if not outputs:
        print("the flow completed without outputs", file=sys.stderr)
        return 1
    if args.delete:
        client.delete_flow(flow["flow_id"])
        print(f"deleted flow {flow['flow_id']}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=os.environ.get("FLOWS_API_URL"))
    parser.add_argument("--api-key", default=os.environ.get("FLOWS_API_KEY"))
    parser.add_argument("--prompt", default="Hello flows")
    parser.add_argument("--quality", choices=("low", "high"), default="high")
    parser.add_argument("--seed", type=int, default=-1)
    parser.add_argument("--out", default="model.glb")
    parser.add_argument("--poll-interval", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--delete", action="store_true", help="delete the flow at the end")
    args = parser.parse_args(argv)
    if not args.base_url or not args.api_key:
        parser.error("--base-url and --api-key (or FLOWS_API_URL and FLOWS_API_KEY) are required")
    try:
        return run(args)
    except (FlowsApiError, urllib.error.URLError, TimeoutError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
