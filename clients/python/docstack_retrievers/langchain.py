"""A LangChain retriever over one Docstack collection (`pip install "docstack-client[langchain]"`).

    from docstack_retrievers.langchain import DocstackRetriever
    retriever = DocstackRetriever(base_url="http://localhost:8080", api_key=KEY, collection_id=CID)
    documents = retriever.invoke("When must planning objections be filed?")
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import Field

from .passages import Mode, Passage, asearch, make_client, search


def _document(passage: Passage) -> Document:
    return Document(page_content=passage.text, metadata=passage.metadata)


class DocstackRetriever(BaseRetriever):
    """Docstack's POST /query as a LangChain retriever: one Document per passage, its text as
    page_content and document_id, filename, content_type, chunk_index, location, score, ranks and
    query_id in metadata. A refused query raises docstack_retrievers.DocstackError."""

    base_url: str
    collection_id: str
    api_key: str | None = Field(default=None, repr=False)
    top_k: int = 5
    mode: Mode = "hybrid"
    filter: dict[str, Any] | None = None
    timeout: float = 30.0

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        with make_client(self.base_url, self.api_key, self.timeout) as client:
            passages = search(
                client, self.collection_id, query, top_k=self.top_k, mode=self.mode, filter=self.filter
            )
        return [_document(p) for p in passages]

    async def _aget_relevant_documents(
        self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun
    ) -> list[Document]:
        async with make_client(self.base_url, self.api_key, self.timeout) as client:
            passages = await asearch(
                client, self.collection_id, query, top_k=self.top_k, mode=self.mode, filter=self.filter
            )
        return [_document(p) for p in passages]
