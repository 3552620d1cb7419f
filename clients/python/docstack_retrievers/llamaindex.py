"""A LlamaIndex retriever over one Docstack collection (`pip install "docstack-client[llamaindex]"`).

    from docstack_retrievers.llamaindex import DocstackRetriever
    retriever = DocstackRetriever(base_url="http://localhost:8080", api_key=KEY, collection_id=CID)
    nodes = retriever.retrieve("When must planning objections be filed?")
"""

from __future__ import annotations

from typing import Any

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from .passages import Mode, Passage, asearch, make_client, search


def _node(passage: Passage) -> NodeWithScore:
    metadata = passage.metadata
    # The id names the chunk, so the same passage is the same node across queries.
    node = TextNode(
        id_=f"{metadata['document_id']}:{metadata['chunk_index']}",
        text=passage.text,
        metadata=metadata,
        # Locations and ranks are for citing, not for the text an LLM or embedder sees.
        excluded_llm_metadata_keys=["location", "ranks", "query_id", "score", "chunk_index"],
        excluded_embed_metadata_keys=list(metadata),
    )
    return NodeWithScore(node=node, score=passage.score)


class DocstackRetriever(BaseRetriever):
    """Docstack's POST /query as a LlamaIndex retriever: one NodeWithScore of a TextNode per
    passage, the passage's score as the node's, and document_id, filename, content_type,
    chunk_index, location, score, ranks and query_id in the node's metadata. A refused query raises
    docstack_retrievers.DocstackError."""

    def __init__(
        self,
        base_url: str,
        collection_id: str,
        api_key: str | None = None,
        *,
        top_k: int = 5,
        mode: Mode = "hybrid",
        filter: dict[str, Any] | None = None,
        timeout: float = 30.0,
        **kwargs: Any,
    ) -> None:
        self._base_url = base_url
        self._collection_id = collection_id
        self._api_key = api_key
        self._top_k = top_k
        self._mode: Mode = mode
        self._filter = filter
        self._timeout = timeout
        super().__init__(**kwargs)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        with make_client(self._base_url, self._api_key, self._timeout) as client:
            passages = search(
                client,
                self._collection_id,
                query_bundle.query_str,
                top_k=self._top_k,
                mode=self._mode,
                filter=self._filter,
            )
        return [_node(p) for p in passages]

    async def _aretrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        async with make_client(self._base_url, self._api_key, self._timeout) as client:
            passages = await asearch(
                client,
                self._collection_id,
                query_bundle.query_str,
                top_k=self._top_k,
                mode=self._mode,
                filter=self._filter,
            )
        return [_node(p) for p in passages]
