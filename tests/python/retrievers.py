"""One retrieval through each retriever in docstack_retrievers, and every snippet of docs/python.md.

Run by infra/ci/python-client-test.sh against a fresh `npm start`, with clients/python installed
with both extras: the admin key makes a collection with one indexed document through the generated
client; the read key then retrieves through the LangChain and the LlamaIndex DocstackRetriever
(sync and async) and must find the passage with its metadata; an unknown key must raise
DocstackError 401. Each `<!-- snippet: NAME -->` block of docs/python.md then runs, as printed, in
its own interpreter with DOCSTACK_URL, DOCSTACK_API_KEY (the read key) and DOCSTACK_COLLECTION set,
and must print the passage.

Usage: python retrievers.py BASE_URL ADMIN_KEY READ_KEY
"""

from __future__ import annotations

import asyncio
import io
import os
import re
import subprocess
import sys
from pathlib import Path

from docstack_client import AuthenticatedClient
from docstack_client.api.index import run_index
from docstack_client.api.upload import create_collection, upload_document
from docstack_client.models import CreateCollectionBody, UploadDocumentBody
from docstack_client.types import File
from docstack_retrievers import DocstackError

POLICY = b"Planning objections must be filed within 21 days of the notice.\n\nLate objections are not considered.\n"
QUESTION = "When must planning objections be filed?"
DOC = Path(__file__).resolve().parents[2] / "docs" / "python.md"
SNIPPETS = {"client", "langchain", "llamaindex"}


class Failed(Exception):
    pass


def check(step: str, condition: bool, detail: object = "") -> None:
    if not condition:
        raise Failed(f"{step}: {detail}")
    print(f"ok  {step}")


def seed(base_url: str, admin_key: str) -> tuple[str, str]:
    """A collection holding the policy, indexed: (collection id, document id)."""
    client = AuthenticatedClient(base_url=base_url, token=admin_key, raise_on_unexpected_status=True)
    collection = create_collection.sync(client=client, body=CreateCollectionBody.from_dict({"name": "retrievers"}))
    body = UploadDocumentBody.from_dict(
        {"collection_id": str(collection.id), "file": POLICY, "metadata": {"department": "planning"}}
    )
    body.file = File(payload=io.BytesIO(POLICY), file_name="policy.txt", mime_type="text/plain")
    uploaded = upload_document.sync(client=client, body=body)
    run_index.sync(client=client)
    return str(collection.id), str(uploaded.document.id)


def check_metadata(step: str, metadata: dict, document_id: str) -> None:
    check(f"{step}: document_id", metadata.get("document_id") == document_id, metadata)
    check(f"{step}: filename", metadata.get("filename") == "policy.txt", metadata)
    check(f"{step}: a score", isinstance(metadata.get("score"), float), metadata)
    check(f"{step}: a location", isinstance(metadata.get("location"), dict), metadata)


def langchain(base_url: str, read_key: str, collection_id: str, document_id: str) -> None:
    from docstack_retrievers.langchain import DocstackRetriever
    from langchain_core.documents import Document

    retriever = DocstackRetriever(
        base_url=base_url,
        api_key=read_key,
        collection_id=collection_id,
        top_k=3,
        filter={"metadata": {"department": "planning"}},
    )
    for step, documents in (
        ("langchain invoke", retriever.invoke(QUESTION)),
        ("langchain ainvoke", asyncio.run(retriever.ainvoke(QUESTION))),
    ):
        check(f"{step}: Documents", len(documents) >= 1 and all(isinstance(d, Document) for d in documents), documents)
        check(f"{step}: the passage", "21 days" in documents[0].page_content, documents[0])
        check_metadata(step, documents[0].metadata, document_id)
    check("langchain: the key is not in the repr", read_key not in repr(retriever))
    elsewhere = DocstackRetriever(
        base_url=base_url, api_key=read_key, collection_id=collection_id, filter={"metadata": {"department": "parks"}}
    )
    check("langchain: the filter is applied", elsewhere.invoke(QUESTION) == [])
    # Operators and $or pass through the generated models unchanged.
    operators = DocstackRetriever(
        base_url=base_url,
        api_key=read_key,
        collection_id=collection_id,
        filter={"$or": [{"metadata": {"department": {"$in": ["parks", "planning"]}}}, {"filename": {"$eq": "none.txt"}}]},
    )
    check("langchain: an operator filter keeps the passage", "21 days" in operators.invoke(QUESTION)[0].page_content)
    excluding = DocstackRetriever(
        base_url=base_url,
        api_key=read_key,
        collection_id=collection_id,
        filter={"metadata": {"department": {"$ne": "planning"}}},
    )
    check("langchain: an operator filter excludes", excluding.invoke(QUESTION) == [])
    stranger = DocstackRetriever(base_url=base_url, api_key="dsk_not_a_key", collection_id=collection_id)
    try:
        stranger.invoke(QUESTION)
        raise Failed("langchain: an unknown key was not refused")
    except DocstackError as error:
        check("langchain: an unknown key raises DocstackError 401", error.status == 401, error)


def llamaindex(base_url: str, read_key: str, collection_id: str, document_id: str) -> None:
    from docstack_retrievers.llamaindex import DocstackRetriever
    from llama_index.core.schema import MetadataMode, NodeWithScore, TextNode

    retriever = DocstackRetriever(base_url=base_url, api_key=read_key, collection_id=collection_id, top_k=3)
    for step, hits in (
        ("llamaindex retrieve", retriever.retrieve(QUESTION)),
        ("llamaindex aretrieve", asyncio.run(retriever.aretrieve(QUESTION))),
    ):
        check(
            f"{step}: NodeWithScore of TextNode",
            len(hits) >= 1 and all(isinstance(h, NodeWithScore) and isinstance(h.node, TextNode) for h in hits),
            hits,
        )
        first = hits[0]
        check(f"{step}: the passage", "21 days" in first.node.get_content(), first)
        check(f"{step}: the score", first.score == first.node.metadata["score"], first)
        check(f"{step}: the node id", first.node.node_id == f"{document_id}:0", first.node.node_id)
        check_metadata(step, first.node.metadata, document_id)
        llm_text = first.node.get_content(metadata_mode=MetadataMode.LLM)
        check(f"{step}: the LLM sees the filename, not the ranks", "policy.txt" in llm_text and "ranks" not in llm_text, llm_text)


def snippets() -> dict[str, str]:
    found = dict(re.findall(r"<!-- snippet: (\w+) -->\n```python\n(.*?)```", DOC.read_text(), re.DOTALL))
    if set(found) != SNIPPETS:
        raise Failed(f"docs/python.md: expected snippets {sorted(SNIPPETS)}, found {sorted(found)}")
    return found


def run_snippets(base_url: str, read_key: str, collection_id: str) -> None:
    env = {**os.environ, "DOCSTACK_URL": base_url, "DOCSTACK_API_KEY": read_key, "DOCSTACK_COLLECTION": collection_id}
    for name, code in snippets().items():
        ran = subprocess.run([sys.executable, "-c", code], check=False, env=env, capture_output=True, text=True, timeout=120)
        check(
            f"docs/python.md snippet {name!r} prints the passage",
            ran.returncode == 0 and "21 days" in ran.stdout and "policy.txt" in ran.stdout,
            f"exit {ran.returncode}\n{ran.stdout}\n{ran.stderr}",
        )


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    base_url, admin_key, read_key = sys.argv[1:]
    try:
        collection_id, document_id = seed(base_url, admin_key)
        print(f"ok  seeded collection {collection_id}")
        langchain(base_url, read_key, collection_id, document_id)
        llamaindex(base_url, read_key, collection_id, document_id)
        run_snippets(base_url, read_key, collection_id)
    except Exception as error:  # noqa: BLE001 - any failure fails the run
        print(f"FAILED {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print("both retrievers and the docs/python.md snippets passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
