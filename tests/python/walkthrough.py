"""The README walkthrough, through the committed Python client (clients/python, docstack_client).

Run by infra/ci/python-client-test.sh against a fresh `npm start`: create a collection, upload a
document, index it (POST /index/run), query it and find the passage, download it through a signed
link, delete it and see it gone; then the errors a client must meet as declared responses (401
for an unknown key, 403 for a missing scope, 404 for a deleted document). Every client is built
with raise_on_unexpected_status, so any status the contract does not declare fails the run, as it
would fail a user's code. Only the generated package is used to talk to the API, as a user would,
apart from fetching the signed link (an absolute URL, like any download).

Usage: python walkthrough.py BASE_URL ADMIN_KEY READ_KEY
"""

from __future__ import annotations

import hashlib
import io
import sys
import typing
from http import HTTPStatus

import httpx
from docstack_client import AuthenticatedClient
from docstack_client.api.index import run_index
from docstack_client.api.query import query_collection
from docstack_client.api.upload import (
    create_collection,
    delete_document,
    get_document,
    get_download_url,
    list_collections,
    upload_document,
)
from docstack_client.models.problem import Problem
from docstack_client.types import File, Response

POLICY = b"Planning objections must be filed within 21 days of the notice.\n\nLate objections are not considered.\n"


class WalkthroughFailed(Exception):
    pass


def body_of(operation: typing.Any, fields: dict[str, typing.Any]) -> typing.Any:
    """The operation's request body, built from plain JSON-like fields, whatever the model's name
    (an optional body is annotated `Model | Unset`)."""
    hint = typing.get_type_hints(operation.sync_detailed)["body"]
    model = next(t for t in (typing.get_args(hint) or (hint,)) if hasattr(t, "from_dict"))
    return model.from_dict(fields)


def expect(step: str, response: Response[typing.Any], status: int, parsed: type | None = None) -> typing.Any:
    if response.status_code != status:
        raise WalkthroughFailed(
            f"{step}: expected {status}, got {int(response.status_code)}: {response.content[:500]!r}"
        )
    if parsed is not None and not isinstance(response.parsed, parsed):
        raise WalkthroughFailed(
            f"{step}: expected a {parsed.__name__}, the client parsed {type(response.parsed).__name__}"
        )
    print(f"ok  {step}: {int(response.status_code)}")
    return response.parsed


def walkthrough(base_url: str, admin_key: str, read_key: str) -> None:
    client = AuthenticatedClient(base_url=base_url, token=admin_key, raise_on_unexpected_status=True)

    # 1. a collection
    collection = expect(
        "create a collection",
        create_collection.sync_detailed(client=client, body=body_of(create_collection, {"name": "council"})),
        HTTPStatus.CREATED,
    )
    collection_id = str(collection.id)

    # 2. upload a document; metadata is a JSON object
    upload = body_of(
        upload_document,
        {"collection_id": collection_id, "file": POLICY, "metadata": {"department": "planning"}},
    )
    upload.file = File(payload=io.BytesIO(POLICY), file_name="policy.txt", mime_type="text/plain")
    uploaded = expect(
        "upload a document", upload_document.sync_detailed(client=client, body=upload), HTTPStatus.CREATED
    )
    document_id = str(uploaded.document.id)

    # 3. index it: the same call as `curl -X POST $B/index/run` (the client sends no body)
    ran = expect("index it (POST /index/run)", run_index.sync_detailed(client=client), HTTPStatus.OK)
    outcomes = {str(d.id): d for d in ran.documents}
    if document_id not in outcomes:
        raise WalkthroughFailed(f"POST /index/run did not index {document_id}: {ran.to_dict()}")
    document = expect(
        "the document is indexed", get_document.sync_detailed(document_id, client=client), HTTPStatus.OK
    )
    if str(document.index_status) != "indexed" or document.chunk_count < 1:
        raise WalkthroughFailed(f"document after indexing: {document.to_dict()}")

    # 4. query, filtered on the metadata, finds the passage
    found = expect(
        "query",
        query_collection.sync_detailed(
            client=client,
            body=body_of(
                query_collection,
                {
                    "collection_id": collection_id,
                    "query": "deadline for objections",
                    "top_k": 3,
                    "filter": {"metadata": {"department": "planning"}},
                },
            ),
        ),
        HTTPStatus.OK,
    )
    if not any(str(r.document_id) == document_id and "21 days" in r.text for r in found.results):
        raise WalkthroughFailed(f"the passage is not among the results: {found.to_dict()}")

    # 5. a short-lived download link; the bytes are the upload's
    link = expect(
        "a download link", get_download_url.sync_detailed(document_id, client=client), HTTPStatus.OK
    )
    download = httpx.get(link.url)
    if download.status_code != 200 or hashlib.sha256(download.content).digest() != hashlib.sha256(POLICY).digest():
        raise WalkthroughFailed(f"download: {download.status_code}, {len(download.content)} bytes")
    print("ok  download: the uploaded bytes")

    # 6. delete; the document is then gone (404, a declared problem)
    expect("delete it", delete_document.sync_detailed(document_id, client=client), HTTPStatus.NO_CONTENT)
    expect(
        "the deleted document is gone", get_document.sync_detailed(document_id, client=client), HTTPStatus.NOT_FOUND, Problem
    )

    # Errors a client meets on every protected operation, as declared responses.
    stranger = AuthenticatedClient(base_url=base_url, token="dsk_not_a_key", raise_on_unexpected_status=True)
    expect("an unknown key is refused", list_collections.sync_detailed(client=stranger), HTTPStatus.UNAUTHORIZED, Problem)
    expect(
        "an unknown key is refused on an upload",
        upload_document.sync_detailed(client=stranger, body=upload),
        HTTPStatus.UNAUTHORIZED,
        Problem,
    )
    reader = AuthenticatedClient(base_url=base_url, token=read_key, raise_on_unexpected_status=True)
    expect(
        "a read-only key may not create a collection",
        create_collection.sync_detailed(client=reader, body=body_of(create_collection, {"name": "nope"})),
        HTTPStatus.FORBIDDEN,
        Problem,
    )


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        walkthrough(*sys.argv[1:])
    except Exception as error:  # noqa: BLE001 - any failure, the generated client's included, fails the run
        print(f"FAILED {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print("the README walkthrough passed through the committed Python client")
    return 0


if __name__ == "__main__":
    sys.exit(main())
