"""Contains all the data models used in inputs/outputs"""

from .backup_target import BackupTarget
from .caller import Caller
from .caller_kind import CallerKind
from .caller_rate_limits import CallerRateLimits
from .caller_scopes_item import CallerScopesItem
from .chunk_location import ChunkLocation
from .collection import Collection
from .collection_analytics_text import CollectionAnalyticsText
from .collection_chunking import CollectionChunking
from .collection_chunking_csv import CollectionChunkingCsv
from .collection_chunking_docx import CollectionChunkingDocx
from .collection_chunking_eml import CollectionChunkingEml
from .collection_chunking_html import CollectionChunkingHtml
from .collection_chunking_jpeg import CollectionChunkingJpeg
from .collection_chunking_md import CollectionChunkingMd
from .collection_chunking_odp import CollectionChunkingOdp
from .collection_chunking_ods import CollectionChunkingOds
from .collection_chunking_odt import CollectionChunkingOdt
from .collection_chunking_pdf import CollectionChunkingPdf
from .collection_chunking_png import CollectionChunkingPng
from .collection_chunking_pptx import CollectionChunkingPptx
from .collection_chunking_rtf import CollectionChunkingRtf
from .collection_chunking_tiff import CollectionChunkingTiff
from .collection_chunking_txt import CollectionChunkingTxt
from .collection_chunking_xlsx import CollectionChunkingXlsx
from .collection_counts import CollectionCounts
from .content_type_operators import ContentTypeOperators
from .create_collection_body import CreateCollectionBody
from .create_collection_body_analytics_text import CreateCollectionBodyAnalyticsText
from .create_collection_body_chunking import CreateCollectionBodyChunking
from .create_collection_body_chunking_csv import CreateCollectionBodyChunkingCsv
from .create_collection_body_chunking_docx import CreateCollectionBodyChunkingDocx
from .create_collection_body_chunking_eml import CreateCollectionBodyChunkingEml
from .create_collection_body_chunking_html import CreateCollectionBodyChunkingHtml
from .create_collection_body_chunking_jpeg import CreateCollectionBodyChunkingJpeg
from .create_collection_body_chunking_md import CreateCollectionBodyChunkingMd
from .create_collection_body_chunking_odp import CreateCollectionBodyChunkingOdp
from .create_collection_body_chunking_ods import CreateCollectionBodyChunkingOds
from .create_collection_body_chunking_odt import CreateCollectionBodyChunkingOdt
from .create_collection_body_chunking_pdf import CreateCollectionBodyChunkingPdf
from .create_collection_body_chunking_png import CreateCollectionBodyChunkingPng
from .create_collection_body_chunking_pptx import CreateCollectionBodyChunkingPptx
from .create_collection_body_chunking_rtf import CreateCollectionBodyChunkingRtf
from .create_collection_body_chunking_tiff import CreateCollectionBodyChunkingTiff
from .create_collection_body_chunking_txt import CreateCollectionBodyChunkingTxt
from .create_collection_body_chunking_xlsx import CreateCollectionBodyChunkingXlsx
from .date_operators import DateOperators
from .dify_error import DifyError
from .dify_retrieval_body import DifyRetrievalBody
from .dify_retrieval_body_metadata_condition import DifyRetrievalBodyMetadataCondition
from .dify_retrieval_body_metadata_condition_conditions_item_type_0 import (
    DifyRetrievalBodyMetadataConditionConditionsItemType0,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_0_comparison_operator import (
    DifyRetrievalBodyMetadataConditionConditionsItemType0ComparisonOperator,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_1 import (
    DifyRetrievalBodyMetadataConditionConditionsItemType1,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_1_comparison_operator import (
    DifyRetrievalBodyMetadataConditionConditionsItemType1ComparisonOperator,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_2 import (
    DifyRetrievalBodyMetadataConditionConditionsItemType2,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_2_comparison_operator import (
    DifyRetrievalBodyMetadataConditionConditionsItemType2ComparisonOperator,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_3 import (
    DifyRetrievalBodyMetadataConditionConditionsItemType3,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_3_comparison_operator import (
    DifyRetrievalBodyMetadataConditionConditionsItemType3ComparisonOperator,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_4 import (
    DifyRetrievalBodyMetadataConditionConditionsItemType4,
)
from .dify_retrieval_body_metadata_condition_conditions_item_type_4_comparison_operator import (
    DifyRetrievalBodyMetadataConditionConditionsItemType4ComparisonOperator,
)
from .dify_retrieval_body_metadata_condition_logical_operator import DifyRetrievalBodyMetadataConditionLogicalOperator
from .dify_retrieval_body_retrieval_setting import DifyRetrievalBodyRetrievalSetting
from .dify_retrieval_response_200 import DifyRetrievalResponse200
from .dify_retrieval_response_200_records_item import DifyRetrievalResponse200RecordsItem
from .dify_retrieval_response_200_records_item_metadata import DifyRetrievalResponse200RecordsItemMetadata
from .document import Document
from .document_index_status import DocumentIndexStatus
from .document_metadata import DocumentMetadata
from .document_text import DocumentText
from .document_text_chunks_item import DocumentTextChunksItem
from .document_text_index_status import DocumentTextIndexStatus
from .document_text_text_type_0 import DocumentTextTextType0
from .drill_record import DrillRecord
from .drill_record_outcome import DrillRecordOutcome
from .drill_record_sizes import DrillRecordSizes
from .filename_operators import FilenameOperators
from .get_analytics_timeseries_bucket import GetAnalyticsTimeseriesBucket
from .get_analytics_timeseries_response_200 import GetAnalyticsTimeseriesResponse200
from .get_analytics_timeseries_response_200_bucket import GetAnalyticsTimeseriesResponse200Bucket
from .get_analytics_timeseries_response_200_points_item import GetAnalyticsTimeseriesResponse200PointsItem
from .get_analytics_timeseries_response_200_points_item_latency_ms import (
    GetAnalyticsTimeseriesResponse200PointsItemLatencyMs,
)
from .get_backup_status_response_200 import GetBackupStatusResponse200
from .get_backup_status_response_200_components_item import GetBackupStatusResponse200ComponentsItem
from .get_backup_status_response_200_components_item_component import GetBackupStatusResponse200ComponentsItemComponent
from .get_backup_status_response_200_components_item_status import GetBackupStatusResponse200ComponentsItemStatus
from .get_backup_status_response_200_objectives import GetBackupStatusResponse200Objectives
from .get_backup_status_response_200_status import GetBackupStatusResponse200Status
from .get_document_analytics_response_200 import GetDocumentAnalyticsResponse200
from .get_document_analytics_response_200_most_retrieved_item import GetDocumentAnalyticsResponse200MostRetrievedItem
from .get_document_analytics_response_200_never_retrieved_item import GetDocumentAnalyticsResponse200NeverRetrievedItem
from .get_download_url_response_200 import GetDownloadUrlResponse200
from .get_index_formats_response_200 import GetIndexFormatsResponse200
from .get_index_formats_response_200_formats_item import GetIndexFormatsResponse200FormatsItem
from .get_index_formats_response_200_runtime import GetIndexFormatsResponse200Runtime
from .get_index_status_response_200 import GetIndexStatusResponse200
from .get_index_status_response_200_counts import GetIndexStatusResponse200Counts
from .get_index_status_response_200_progress import GetIndexStatusResponse200Progress
from .get_liveness_response_200 import GetLivenessResponse200
from .get_liveness_response_200_status import GetLivenessResponse200Status
from .get_query_analytics_response_200 import GetQueryAnalyticsResponse200
from .get_query_analytics_response_200_top_item import GetQueryAnalyticsResponse200TopItem
from .get_query_analytics_response_200_unanswered_item import GetQueryAnalyticsResponse200UnansweredItem
from .get_readiness_response_200 import GetReadinessResponse200
from .get_readiness_response_200_checks import GetReadinessResponse200Checks
from .get_readiness_response_200_checks_additional_property import GetReadinessResponse200ChecksAdditionalProperty
from .get_readiness_response_200_checks_additional_property_status import (
    GetReadinessResponse200ChecksAdditionalPropertyStatus,
)
from .get_readiness_response_200_status import GetReadinessResponse200Status
from .get_readiness_response_503 import GetReadinessResponse503
from .get_readiness_response_503_checks import GetReadinessResponse503Checks
from .get_readiness_response_503_checks_additional_property import GetReadinessResponse503ChecksAdditionalProperty
from .get_readiness_response_503_checks_additional_property_status import (
    GetReadinessResponse503ChecksAdditionalPropertyStatus,
)
from .get_readiness_response_503_status import GetReadinessResponse503Status
from .get_retrieval_analytics_response_200 import GetRetrievalAnalyticsResponse200
from .get_retrieval_analytics_response_200_by_mode import GetRetrievalAnalyticsResponse200ByMode
from .get_retrieval_analytics_response_200_feedback import GetRetrievalAnalyticsResponse200Feedback
from .get_retrieval_analytics_response_200_latency_ms import GetRetrievalAnalyticsResponse200LatencyMs
from .id_operators import IdOperators
from .json_rpc_message import JsonRpcMessage
from .json_rpc_message_jsonrpc import JsonRpcMessageJsonrpc
from .json_rpc_message_params import JsonRpcMessageParams
from .json_rpc_message_params_meta import JsonRpcMessageParamsMeta
from .json_rpc_response import JsonRpcResponse
from .json_rpc_response_error import JsonRpcResponseError
from .json_rpc_response_jsonrpc import JsonRpcResponseJsonrpc
from .json_rpc_response_result import JsonRpcResponseResult
from .list_audit_response_200 import ListAuditResponse200
from .list_audit_response_200_items_item import ListAuditResponse200ItemsItem
from .list_audit_response_200_items_item_details import ListAuditResponse200ItemsItemDetails
from .list_collections_response_200 import ListCollectionsResponse200
from .list_documents_index_status import ListDocumentsIndexStatus
from .list_documents_response_200 import ListDocumentsResponse200
from .list_documents_response_200_totals import ListDocumentsResponse200Totals
from .metadata_object import MetadataObject
from .metadata_operators import MetadataOperators
from .post_query_feedback_body import PostQueryFeedbackBody
from .post_query_feedback_response_201 import PostQueryFeedbackResponse201
from .problem import Problem
from .problem_code import ProblemCode
from .problem_errors_item import ProblemErrorsItem
from .query_collection_body import QueryCollectionBody
from .query_collection_body_filter import QueryCollectionBodyFilter
from .query_collection_body_filter_metadata import QueryCollectionBodyFilterMetadata
from .query_collection_body_mode import QueryCollectionBodyMode
from .query_collection_response_200 import QueryCollectionResponse200
from .query_collection_response_200_results_item import QueryCollectionResponse200ResultsItem
from .query_collection_response_200_results_item_highlights_item import (
    QueryCollectionResponse200ResultsItemHighlightsItem,
)
from .query_collection_response_200_results_item_ranks import QueryCollectionResponse200ResultsItemRanks
from .query_filter_level_2 import QueryFilterLevel2
from .query_filter_level_2_metadata import QueryFilterLevel2Metadata
from .query_filter_level_3 import QueryFilterLevel3
from .query_filter_level_3_metadata import QueryFilterLevel3Metadata
from .query_filter_level_4 import QueryFilterLevel4
from .query_filter_level_4_metadata import QueryFilterLevel4Metadata
from .run_backup_body import RunBackupBody
from .run_backup_body_components_item import RunBackupBodyComponentsItem
from .run_backup_response_202 import RunBackupResponse202
from .run_backup_response_202_components_item import RunBackupResponse202ComponentsItem
from .run_index_body import RunIndexBody
from .run_index_response_200 import RunIndexResponse200
from .run_index_response_200_documents_item import RunIndexResponse200DocumentsItem
from .run_index_response_200_documents_item_status import RunIndexResponse200DocumentsItemStatus
from .update_document_body import UpdateDocumentBody
from .update_document_body_metadata import UpdateDocumentBodyMetadata
from .upload_document_body import UploadDocumentBody
from .upload_document_body_metadata import UploadDocumentBodyMetadata
from .upload_document_body_on_duplicate import UploadDocumentBodyOnDuplicate
from .upload_document_response_200 import UploadDocumentResponse200
from .upload_document_response_200_outcome import UploadDocumentResponse200Outcome
from .upload_document_response_201 import UploadDocumentResponse201
from .upload_document_response_201_outcome import UploadDocumentResponse201Outcome

__all__ = (
    "BackupTarget",
    "Caller",
    "CallerKind",
    "CallerRateLimits",
    "CallerScopesItem",
    "ChunkLocation",
    "Collection",
    "CollectionAnalyticsText",
    "CollectionChunking",
    "CollectionChunkingCsv",
    "CollectionChunkingDocx",
    "CollectionChunkingEml",
    "CollectionChunkingHtml",
    "CollectionChunkingJpeg",
    "CollectionChunkingMd",
    "CollectionChunkingOdp",
    "CollectionChunkingOds",
    "CollectionChunkingOdt",
    "CollectionChunkingPdf",
    "CollectionChunkingPng",
    "CollectionChunkingPptx",
    "CollectionChunkingRtf",
    "CollectionChunkingTiff",
    "CollectionChunkingTxt",
    "CollectionChunkingXlsx",
    "CollectionCounts",
    "ContentTypeOperators",
    "CreateCollectionBody",
    "CreateCollectionBodyAnalyticsText",
    "CreateCollectionBodyChunking",
    "CreateCollectionBodyChunkingCsv",
    "CreateCollectionBodyChunkingDocx",
    "CreateCollectionBodyChunkingEml",
    "CreateCollectionBodyChunkingHtml",
    "CreateCollectionBodyChunkingJpeg",
    "CreateCollectionBodyChunkingMd",
    "CreateCollectionBodyChunkingOdp",
    "CreateCollectionBodyChunkingOds",
    "CreateCollectionBodyChunkingOdt",
    "CreateCollectionBodyChunkingPdf",
    "CreateCollectionBodyChunkingPng",
    "CreateCollectionBodyChunkingPptx",
    "CreateCollectionBodyChunkingRtf",
    "CreateCollectionBodyChunkingTiff",
    "CreateCollectionBodyChunkingTxt",
    "CreateCollectionBodyChunkingXlsx",
    "DateOperators",
    "DifyError",
    "DifyRetrievalBody",
    "DifyRetrievalBodyMetadataCondition",
    "DifyRetrievalBodyMetadataConditionConditionsItemType0",
    "DifyRetrievalBodyMetadataConditionConditionsItemType0ComparisonOperator",
    "DifyRetrievalBodyMetadataConditionConditionsItemType1",
    "DifyRetrievalBodyMetadataConditionConditionsItemType1ComparisonOperator",
    "DifyRetrievalBodyMetadataConditionConditionsItemType2",
    "DifyRetrievalBodyMetadataConditionConditionsItemType2ComparisonOperator",
    "DifyRetrievalBodyMetadataConditionConditionsItemType3",
    "DifyRetrievalBodyMetadataConditionConditionsItemType3ComparisonOperator",
    "DifyRetrievalBodyMetadataConditionConditionsItemType4",
    "DifyRetrievalBodyMetadataConditionConditionsItemType4ComparisonOperator",
    "DifyRetrievalBodyMetadataConditionLogicalOperator",
    "DifyRetrievalBodyRetrievalSetting",
    "DifyRetrievalResponse200",
    "DifyRetrievalResponse200RecordsItem",
    "DifyRetrievalResponse200RecordsItemMetadata",
    "Document",
    "DocumentIndexStatus",
    "DocumentMetadata",
    "DocumentText",
    "DocumentTextChunksItem",
    "DocumentTextIndexStatus",
    "DocumentTextTextType0",
    "DrillRecord",
    "DrillRecordOutcome",
    "DrillRecordSizes",
    "FilenameOperators",
    "GetAnalyticsTimeseriesBucket",
    "GetAnalyticsTimeseriesResponse200",
    "GetAnalyticsTimeseriesResponse200Bucket",
    "GetAnalyticsTimeseriesResponse200PointsItem",
    "GetAnalyticsTimeseriesResponse200PointsItemLatencyMs",
    "GetBackupStatusResponse200",
    "GetBackupStatusResponse200ComponentsItem",
    "GetBackupStatusResponse200ComponentsItemComponent",
    "GetBackupStatusResponse200ComponentsItemStatus",
    "GetBackupStatusResponse200Objectives",
    "GetBackupStatusResponse200Status",
    "GetDocumentAnalyticsResponse200",
    "GetDocumentAnalyticsResponse200MostRetrievedItem",
    "GetDocumentAnalyticsResponse200NeverRetrievedItem",
    "GetDownloadUrlResponse200",
    "GetIndexFormatsResponse200",
    "GetIndexFormatsResponse200FormatsItem",
    "GetIndexFormatsResponse200Runtime",
    "GetIndexStatusResponse200",
    "GetIndexStatusResponse200Counts",
    "GetIndexStatusResponse200Progress",
    "GetLivenessResponse200",
    "GetLivenessResponse200Status",
    "GetQueryAnalyticsResponse200",
    "GetQueryAnalyticsResponse200TopItem",
    "GetQueryAnalyticsResponse200UnansweredItem",
    "GetReadinessResponse200",
    "GetReadinessResponse200Checks",
    "GetReadinessResponse200ChecksAdditionalProperty",
    "GetReadinessResponse200ChecksAdditionalPropertyStatus",
    "GetReadinessResponse200Status",
    "GetReadinessResponse503",
    "GetReadinessResponse503Checks",
    "GetReadinessResponse503ChecksAdditionalProperty",
    "GetReadinessResponse503ChecksAdditionalPropertyStatus",
    "GetReadinessResponse503Status",
    "GetRetrievalAnalyticsResponse200",
    "GetRetrievalAnalyticsResponse200ByMode",
    "GetRetrievalAnalyticsResponse200Feedback",
    "GetRetrievalAnalyticsResponse200LatencyMs",
    "IdOperators",
    "JsonRpcMessage",
    "JsonRpcMessageJsonrpc",
    "JsonRpcMessageParams",
    "JsonRpcMessageParamsMeta",
    "JsonRpcResponse",
    "JsonRpcResponseError",
    "JsonRpcResponseJsonrpc",
    "JsonRpcResponseResult",
    "ListAuditResponse200",
    "ListAuditResponse200ItemsItem",
    "ListAuditResponse200ItemsItemDetails",
    "ListCollectionsResponse200",
    "ListDocumentsIndexStatus",
    "ListDocumentsResponse200",
    "ListDocumentsResponse200Totals",
    "MetadataObject",
    "MetadataOperators",
    "PostQueryFeedbackBody",
    "PostQueryFeedbackResponse201",
    "Problem",
    "ProblemCode",
    "ProblemErrorsItem",
    "QueryCollectionBody",
    "QueryCollectionBodyFilter",
    "QueryCollectionBodyFilterMetadata",
    "QueryCollectionBodyMode",
    "QueryCollectionResponse200",
    "QueryCollectionResponse200ResultsItem",
    "QueryCollectionResponse200ResultsItemHighlightsItem",
    "QueryCollectionResponse200ResultsItemRanks",
    "QueryFilterLevel2",
    "QueryFilterLevel2Metadata",
    "QueryFilterLevel3",
    "QueryFilterLevel3Metadata",
    "QueryFilterLevel4",
    "QueryFilterLevel4Metadata",
    "RunBackupBody",
    "RunBackupBodyComponentsItem",
    "RunBackupResponse202",
    "RunBackupResponse202ComponentsItem",
    "RunIndexBody",
    "RunIndexResponse200",
    "RunIndexResponse200DocumentsItem",
    "RunIndexResponse200DocumentsItemStatus",
    "UpdateDocumentBody",
    "UpdateDocumentBodyMetadata",
    "UploadDocumentBody",
    "UploadDocumentBodyMetadata",
    "UploadDocumentBodyOnDuplicate",
    "UploadDocumentResponse200",
    "UploadDocumentResponse200Outcome",
    "UploadDocumentResponse201",
    "UploadDocumentResponse201Outcome",
)
