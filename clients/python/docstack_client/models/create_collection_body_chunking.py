from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_collection_body_chunking_csv import CreateCollectionBodyChunkingCsv
    from ..models.create_collection_body_chunking_docx import CreateCollectionBodyChunkingDocx
    from ..models.create_collection_body_chunking_eml import CreateCollectionBodyChunkingEml
    from ..models.create_collection_body_chunking_html import CreateCollectionBodyChunkingHtml
    from ..models.create_collection_body_chunking_jpeg import CreateCollectionBodyChunkingJpeg
    from ..models.create_collection_body_chunking_md import CreateCollectionBodyChunkingMd
    from ..models.create_collection_body_chunking_odp import CreateCollectionBodyChunkingOdp
    from ..models.create_collection_body_chunking_ods import CreateCollectionBodyChunkingOds
    from ..models.create_collection_body_chunking_odt import CreateCollectionBodyChunkingOdt
    from ..models.create_collection_body_chunking_pdf import CreateCollectionBodyChunkingPdf
    from ..models.create_collection_body_chunking_png import CreateCollectionBodyChunkingPng
    from ..models.create_collection_body_chunking_pptx import CreateCollectionBodyChunkingPptx
    from ..models.create_collection_body_chunking_rtf import CreateCollectionBodyChunkingRtf
    from ..models.create_collection_body_chunking_tiff import CreateCollectionBodyChunkingTiff
    from ..models.create_collection_body_chunking_txt import CreateCollectionBodyChunkingTxt
    from ..models.create_collection_body_chunking_xlsx import CreateCollectionBodyChunkingXlsx


T = TypeVar("T", bound="CreateCollectionBodyChunking")


@_attrs_define
class CreateCollectionBodyChunking:
    """Chunk size and overlap in characters, per kind of document. The overlap must be below the size; a field left out
    takes the kind's default (size/overlap: pdf 1024/100, docx 800/80, txt 1200/120, md 1200/120, html 900/90, csv
    1000/0, xlsx 1000/0, ods 1000/0, pptx 900/90, odp 900/90, odt 800/80, rtf 800/80, eml 900/90, png 1024/100, jpeg
    1024/100, tiff 1024/100).

        Example:
            {'pdf': {'size': 800, 'overlap': 80}}

        Attributes:
            pdf (CreateCollectionBodyChunkingPdf | Unset):
            docx (CreateCollectionBodyChunkingDocx | Unset):
            txt (CreateCollectionBodyChunkingTxt | Unset):
            md (CreateCollectionBodyChunkingMd | Unset):
            html (CreateCollectionBodyChunkingHtml | Unset):
            csv (CreateCollectionBodyChunkingCsv | Unset):
            xlsx (CreateCollectionBodyChunkingXlsx | Unset):
            ods (CreateCollectionBodyChunkingOds | Unset):
            pptx (CreateCollectionBodyChunkingPptx | Unset):
            odp (CreateCollectionBodyChunkingOdp | Unset):
            odt (CreateCollectionBodyChunkingOdt | Unset):
            rtf (CreateCollectionBodyChunkingRtf | Unset):
            eml (CreateCollectionBodyChunkingEml | Unset):
            png (CreateCollectionBodyChunkingPng | Unset):
            jpeg (CreateCollectionBodyChunkingJpeg | Unset):
            tiff (CreateCollectionBodyChunkingTiff | Unset):
    """

    pdf: CreateCollectionBodyChunkingPdf | Unset = UNSET
    docx: CreateCollectionBodyChunkingDocx | Unset = UNSET
    txt: CreateCollectionBodyChunkingTxt | Unset = UNSET
    md: CreateCollectionBodyChunkingMd | Unset = UNSET
    html: CreateCollectionBodyChunkingHtml | Unset = UNSET
    csv: CreateCollectionBodyChunkingCsv | Unset = UNSET
    xlsx: CreateCollectionBodyChunkingXlsx | Unset = UNSET
    ods: CreateCollectionBodyChunkingOds | Unset = UNSET
    pptx: CreateCollectionBodyChunkingPptx | Unset = UNSET
    odp: CreateCollectionBodyChunkingOdp | Unset = UNSET
    odt: CreateCollectionBodyChunkingOdt | Unset = UNSET
    rtf: CreateCollectionBodyChunkingRtf | Unset = UNSET
    eml: CreateCollectionBodyChunkingEml | Unset = UNSET
    png: CreateCollectionBodyChunkingPng | Unset = UNSET
    jpeg: CreateCollectionBodyChunkingJpeg | Unset = UNSET
    tiff: CreateCollectionBodyChunkingTiff | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pdf: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pdf, Unset):
            pdf = self.pdf.to_dict()

        docx: dict[str, Any] | Unset = UNSET
        if not isinstance(self.docx, Unset):
            docx = self.docx.to_dict()

        txt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.txt, Unset):
            txt = self.txt.to_dict()

        md: dict[str, Any] | Unset = UNSET
        if not isinstance(self.md, Unset):
            md = self.md.to_dict()

        html: dict[str, Any] | Unset = UNSET
        if not isinstance(self.html, Unset):
            html = self.html.to_dict()

        csv: dict[str, Any] | Unset = UNSET
        if not isinstance(self.csv, Unset):
            csv = self.csv.to_dict()

        xlsx: dict[str, Any] | Unset = UNSET
        if not isinstance(self.xlsx, Unset):
            xlsx = self.xlsx.to_dict()

        ods: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ods, Unset):
            ods = self.ods.to_dict()

        pptx: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pptx, Unset):
            pptx = self.pptx.to_dict()

        odp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.odp, Unset):
            odp = self.odp.to_dict()

        odt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.odt, Unset):
            odt = self.odt.to_dict()

        rtf: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rtf, Unset):
            rtf = self.rtf.to_dict()

        eml: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eml, Unset):
            eml = self.eml.to_dict()

        png: dict[str, Any] | Unset = UNSET
        if not isinstance(self.png, Unset):
            png = self.png.to_dict()

        jpeg: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jpeg, Unset):
            jpeg = self.jpeg.to_dict()

        tiff: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tiff, Unset):
            tiff = self.tiff.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if pdf is not UNSET:
            field_dict["pdf"] = pdf
        if docx is not UNSET:
            field_dict["docx"] = docx
        if txt is not UNSET:
            field_dict["txt"] = txt
        if md is not UNSET:
            field_dict["md"] = md
        if html is not UNSET:
            field_dict["html"] = html
        if csv is not UNSET:
            field_dict["csv"] = csv
        if xlsx is not UNSET:
            field_dict["xlsx"] = xlsx
        if ods is not UNSET:
            field_dict["ods"] = ods
        if pptx is not UNSET:
            field_dict["pptx"] = pptx
        if odp is not UNSET:
            field_dict["odp"] = odp
        if odt is not UNSET:
            field_dict["odt"] = odt
        if rtf is not UNSET:
            field_dict["rtf"] = rtf
        if eml is not UNSET:
            field_dict["eml"] = eml
        if png is not UNSET:
            field_dict["png"] = png
        if jpeg is not UNSET:
            field_dict["jpeg"] = jpeg
        if tiff is not UNSET:
            field_dict["tiff"] = tiff

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_collection_body_chunking_csv import CreateCollectionBodyChunkingCsv  # noqa: PLC0415
        from ..models.create_collection_body_chunking_docx import CreateCollectionBodyChunkingDocx  # noqa: PLC0415
        from ..models.create_collection_body_chunking_eml import CreateCollectionBodyChunkingEml  # noqa: PLC0415
        from ..models.create_collection_body_chunking_html import CreateCollectionBodyChunkingHtml  # noqa: PLC0415
        from ..models.create_collection_body_chunking_jpeg import CreateCollectionBodyChunkingJpeg  # noqa: PLC0415
        from ..models.create_collection_body_chunking_md import CreateCollectionBodyChunkingMd  # noqa: PLC0415
        from ..models.create_collection_body_chunking_odp import CreateCollectionBodyChunkingOdp  # noqa: PLC0415
        from ..models.create_collection_body_chunking_ods import CreateCollectionBodyChunkingOds  # noqa: PLC0415
        from ..models.create_collection_body_chunking_odt import CreateCollectionBodyChunkingOdt  # noqa: PLC0415
        from ..models.create_collection_body_chunking_pdf import CreateCollectionBodyChunkingPdf  # noqa: PLC0415
        from ..models.create_collection_body_chunking_png import CreateCollectionBodyChunkingPng  # noqa: PLC0415
        from ..models.create_collection_body_chunking_pptx import CreateCollectionBodyChunkingPptx  # noqa: PLC0415
        from ..models.create_collection_body_chunking_rtf import CreateCollectionBodyChunkingRtf  # noqa: PLC0415
        from ..models.create_collection_body_chunking_tiff import CreateCollectionBodyChunkingTiff  # noqa: PLC0415
        from ..models.create_collection_body_chunking_txt import CreateCollectionBodyChunkingTxt  # noqa: PLC0415
        from ..models.create_collection_body_chunking_xlsx import CreateCollectionBodyChunkingXlsx  # noqa: PLC0415

        d = dict(src_dict)
        _pdf = d.pop("pdf", UNSET)
        pdf: CreateCollectionBodyChunkingPdf | Unset
        if isinstance(_pdf, Unset):
            pdf = UNSET
        else:
            pdf = CreateCollectionBodyChunkingPdf.from_dict(_pdf)

        _docx = d.pop("docx", UNSET)
        docx: CreateCollectionBodyChunkingDocx | Unset
        if isinstance(_docx, Unset):
            docx = UNSET
        else:
            docx = CreateCollectionBodyChunkingDocx.from_dict(_docx)

        _txt = d.pop("txt", UNSET)
        txt: CreateCollectionBodyChunkingTxt | Unset
        if isinstance(_txt, Unset):
            txt = UNSET
        else:
            txt = CreateCollectionBodyChunkingTxt.from_dict(_txt)

        _md = d.pop("md", UNSET)
        md: CreateCollectionBodyChunkingMd | Unset
        if isinstance(_md, Unset):
            md = UNSET
        else:
            md = CreateCollectionBodyChunkingMd.from_dict(_md)

        _html = d.pop("html", UNSET)
        html: CreateCollectionBodyChunkingHtml | Unset
        if isinstance(_html, Unset):
            html = UNSET
        else:
            html = CreateCollectionBodyChunkingHtml.from_dict(_html)

        _csv = d.pop("csv", UNSET)
        csv: CreateCollectionBodyChunkingCsv | Unset
        if isinstance(_csv, Unset):
            csv = UNSET
        else:
            csv = CreateCollectionBodyChunkingCsv.from_dict(_csv)

        _xlsx = d.pop("xlsx", UNSET)
        xlsx: CreateCollectionBodyChunkingXlsx | Unset
        if isinstance(_xlsx, Unset):
            xlsx = UNSET
        else:
            xlsx = CreateCollectionBodyChunkingXlsx.from_dict(_xlsx)

        _ods = d.pop("ods", UNSET)
        ods: CreateCollectionBodyChunkingOds | Unset
        if isinstance(_ods, Unset):
            ods = UNSET
        else:
            ods = CreateCollectionBodyChunkingOds.from_dict(_ods)

        _pptx = d.pop("pptx", UNSET)
        pptx: CreateCollectionBodyChunkingPptx | Unset
        if isinstance(_pptx, Unset):
            pptx = UNSET
        else:
            pptx = CreateCollectionBodyChunkingPptx.from_dict(_pptx)

        _odp = d.pop("odp", UNSET)
        odp: CreateCollectionBodyChunkingOdp | Unset
        if isinstance(_odp, Unset):
            odp = UNSET
        else:
            odp = CreateCollectionBodyChunkingOdp.from_dict(_odp)

        _odt = d.pop("odt", UNSET)
        odt: CreateCollectionBodyChunkingOdt | Unset
        if isinstance(_odt, Unset):
            odt = UNSET
        else:
            odt = CreateCollectionBodyChunkingOdt.from_dict(_odt)

        _rtf = d.pop("rtf", UNSET)
        rtf: CreateCollectionBodyChunkingRtf | Unset
        if isinstance(_rtf, Unset):
            rtf = UNSET
        else:
            rtf = CreateCollectionBodyChunkingRtf.from_dict(_rtf)

        _eml = d.pop("eml", UNSET)
        eml: CreateCollectionBodyChunkingEml | Unset
        if isinstance(_eml, Unset):
            eml = UNSET
        else:
            eml = CreateCollectionBodyChunkingEml.from_dict(_eml)

        _png = d.pop("png", UNSET)
        png: CreateCollectionBodyChunkingPng | Unset
        if isinstance(_png, Unset):
            png = UNSET
        else:
            png = CreateCollectionBodyChunkingPng.from_dict(_png)

        _jpeg = d.pop("jpeg", UNSET)
        jpeg: CreateCollectionBodyChunkingJpeg | Unset
        if isinstance(_jpeg, Unset):
            jpeg = UNSET
        else:
            jpeg = CreateCollectionBodyChunkingJpeg.from_dict(_jpeg)

        _tiff = d.pop("tiff", UNSET)
        tiff: CreateCollectionBodyChunkingTiff | Unset
        if isinstance(_tiff, Unset):
            tiff = UNSET
        else:
            tiff = CreateCollectionBodyChunkingTiff.from_dict(_tiff)

        create_collection_body_chunking = cls(
            pdf=pdf,
            docx=docx,
            txt=txt,
            md=md,
            html=html,
            csv=csv,
            xlsx=xlsx,
            ods=ods,
            pptx=pptx,
            odp=odp,
            odt=odt,
            rtf=rtf,
            eml=eml,
            png=png,
            jpeg=jpeg,
            tiff=tiff,
        )

        return create_collection_body_chunking
