"""Retrievers over Docstack's POST /query for LangChain and LlamaIndex.

Written by hand on the generated client (`docstack_client`). Each framework is an optional extra:
`pip install "docstack-client[langchain]"` for `docstack_retrievers.langchain.DocstackRetriever`,
`pip install "docstack-client[llamaindex]"` for `docstack_retrievers.llamaindex.DocstackRetriever`.
"""

from .passages import DocstackError, Passage, asearch, search

__all__ = ["DocstackError", "Passage", "asearch", "search"]
