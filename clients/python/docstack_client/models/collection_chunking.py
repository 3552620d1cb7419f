from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection_chunking_csv import CollectionChunkingCsv
    from ..models.collection_chunking_docx import CollectionChunkingDocx
    from ..models.collection_chunking_eml import CollectionChunkingEml
    from ..models.collection_chunking_html import CollectionChunkingHtml
    from ..models.collection_chunking_jpeg import CollectionChunkingJpeg
    from ..models.collection_chunking_md import CollectionChunkingMd
    from ..models.collection_chunking_odp import CollectionChunkingOdp
    from ..models.collection_chunking_ods import CollectionChunkingOds
    from ..models.collection_chunking_odt import CollectionChunkingOdt
    from ..models.collection_chunking_pdf import CollectionChunkingPdf
    from ..models.collection_chunking_png import CollectionChunkingPng
    from ..models.collection_chunking_pptx import CollectionChunkingPptx
    from ..models.collection_chunking_rtf import CollectionChunkingRtf
    from ..models.collection_chunking_tiff import CollectionChunkingTiff
    from ..models.collection_chunking_txt import CollectionChunkingTxt
    from ..models.collection_chunking_xlsx import CollectionChunkingXlsx


T = TypeVar("T", bound="CollectionChunking")


@_attrs_define
class CollectionChunking:
    """Chunk size and overlap in characters, per kind of document. The overlap must be below the size; a field left out
    takes the kind's default (size/overlap: pdf 1024/100, docx 800/80, txt 1200/120, md 1200/120, html 900/90, csv
    1000/0, xlsx 1000/0, ods 1000/0, pptx 900/90, odp 900/90, odt 800/80, rtf 800/80, eml 900/90, png 1024/100, jpeg
    1024/100, tiff 1024/100).

        Example:
            {'pdf': {'size': 800, 'overlap': 80}}

        Attributes:
            pdf (CollectionChunkingPdf | Unset):
            docx (CollectionChunkingDocx | Unset):
            txt (CollectionChunkingTxt | Unset):
            md (CollectionChunkingMd | Unset):
            html (CollectionChunkingHtml | Unset):
            csv (CollectionChunkingCsv | Unset):
            xlsx (CollectionChunkingXlsx | Unset):
            ods (CollectionChunkingOds | Unset):
            pptx (CollectionChunkingPptx | Unset):
            odp (CollectionChunkingOdp | Unset):
            odt (CollectionChunkingOdt | Unset):
            rtf (CollectionChunkingRtf | Unset):
            eml (CollectionChunkingEml | Unset):
            png (CollectionChunkingPng | Unset):
            jpeg (CollectionChunkingJpeg | Unset):
            tiff (CollectionChunkingTiff | Unset):
    """

    pdf: CollectionChunkingPdf | Unset = UNSET
    docx: CollectionChunkingDocx | Unset = UNSET
    txt: CollectionChunkingTxt | Unset = UNSET
    md: CollectionChunkingMd | Unset = UNSET
    html: CollectionChunkingHtml | Unset = UNSET
    csv: CollectionChunkingCsv | Unset = UNSET
    xlsx: CollectionChunkingXlsx | Unset = UNSET
    ods: CollectionChunkingOds | Unset = UNSET
    pptx: CollectionChunkingPptx | Unset = UNSET
    odp: CollectionChunkingOdp | Unset = UNSET
    odt: CollectionChunkingOdt | Unset = UNSET
    rtf: CollectionChunkingRtf | Unset = UNSET
    eml: CollectionChunkingEml | Unset = UNSET
    png: CollectionChunkingPng | Unset = UNSET
    jpeg: CollectionChunkingJpeg | Unset = UNSET
    tiff: CollectionChunkingTiff | Unset = UNSET

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
        from ..models.collection_chunking_csv import CollectionChunkingCsv  # noqa: PLC0415
        from ..models.collection_chunking_docx import CollectionChunkingDocx  # noqa: PLC0415
        from ..models.collection_chunking_eml import CollectionChunkingEml  # noqa: PLC0415
        from ..models.collection_chunking_html import CollectionChunkingHtml  # noqa: PLC0415
        from ..models.collection_chunking_jpeg import CollectionChunkingJpeg  # noqa: PLC0415
        from ..models.collection_chunking_md import CollectionChunkingMd  # noqa: PLC0415
        from ..models.collection_chunking_odp import CollectionChunkingOdp  # noqa: PLC0415
        from ..models.collection_chunking_ods import CollectionChunkingOds  # noqa: PLC0415
        from ..models.collection_chunking_odt import CollectionChunkingOdt  # noqa: PLC0415
        from ..models.collection_chunking_pdf import CollectionChunkingPdf  # noqa: PLC0415
        from ..models.collection_chunking_png import CollectionChunkingPng  # noqa: PLC0415
        from ..models.collection_chunking_pptx import CollectionChunkingPptx  # noqa: PLC0415
        from ..models.collection_chunking_rtf import CollectionChunkingRtf  # noqa: PLC0415
        from ..models.collection_chunking_tiff import CollectionChunkingTiff  # noqa: PLC0415
        from ..models.collection_chunking_txt import CollectionChunkingTxt  # noqa: PLC0415
        from ..models.collection_chunking_xlsx import CollectionChunkingXlsx  # noqa: PLC0415

        d = dict(src_dict)
        _pdf = d.pop("pdf", UNSET)
        pdf: CollectionChunkingPdf | Unset
        if isinstance(_pdf, Unset):
            pdf = UNSET
        else:
            pdf = CollectionChunkingPdf.from_dict(_pdf)

        _docx = d.pop("docx", UNSET)
        docx: CollectionChunkingDocx | Unset
        if isinstance(_docx, Unset):
            docx = UNSET
        else:
            docx = CollectionChunkingDocx.from_dict(_docx)

        _txt = d.pop("txt", UNSET)
        txt: CollectionChunkingTxt | Unset
        if isinstance(_txt, Unset):
            txt = UNSET
        else:
            txt = CollectionChunkingTxt.from_dict(_txt)

        _md = d.pop("md", UNSET)
        md: CollectionChunkingMd | Unset
        if isinstance(_md, Unset):
            md = UNSET
        else:
            md = CollectionChunkingMd.from_dict(_md)

        _html = d.pop("html", UNSET)
        html: CollectionChunkingHtml | Unset
        if isinstance(_html, Unset):
            html = UNSET
        else:
            html = CollectionChunkingHtml.from_dict(_html)

        _csv = d.pop("csv", UNSET)
        csv: CollectionChunkingCsv | Unset
        if isinstance(_csv, Unset):
            csv = UNSET
        else:
            csv = CollectionChunkingCsv.from_dict(_csv)

        _xlsx = d.pop("xlsx", UNSET)
        xlsx: CollectionChunkingXlsx | Unset
        if isinstance(_xlsx, Unset):
            xlsx = UNSET
        else:
            xlsx = CollectionChunkingXlsx.from_dict(_xlsx)

        _ods = d.pop("ods", UNSET)
        ods: CollectionChunkingOds | Unset
        if isinstance(_ods, Unset):
            ods = UNSET
        else:
            ods = CollectionChunkingOds.from_dict(_ods)

        _pptx = d.pop("pptx", UNSET)
        pptx: CollectionChunkingPptx | Unset
        if isinstance(_pptx, Unset):
            pptx = UNSET
        else:
            pptx = CollectionChunkingPptx.from_dict(_pptx)

        _odp = d.pop("odp", UNSET)
        odp: CollectionChunkingOdp | Unset
        if isinstance(_odp, Unset):
            odp = UNSET
        else:
            odp = CollectionChunkingOdp.from_dict(_odp)

        _odt = d.pop("odt", UNSET)
        odt: CollectionChunkingOdt | Unset
        if isinstance(_odt, Unset):
            odt = UNSET
        else:
            odt = CollectionChunkingOdt.from_dict(_odt)

        _rtf = d.pop("rtf", UNSET)
        rtf: CollectionChunkingRtf | Unset
        if isinstance(_rtf, Unset):
            rtf = UNSET
        else:
            rtf = CollectionChunkingRtf.from_dict(_rtf)

        _eml = d.pop("eml", UNSET)
        eml: CollectionChunkingEml | Unset
        if isinstance(_eml, Unset):
            eml = UNSET
        else:
            eml = CollectionChunkingEml.from_dict(_eml)

        _png = d.pop("png", UNSET)
        png: CollectionChunkingPng | Unset
        if isinstance(_png, Unset):
            png = UNSET
        else:
            png = CollectionChunkingPng.from_dict(_png)

        _jpeg = d.pop("jpeg", UNSET)
        jpeg: CollectionChunkingJpeg | Unset
        if isinstance(_jpeg, Unset):
            jpeg = UNSET
        else:
            jpeg = CollectionChunkingJpeg.from_dict(_jpeg)

        _tiff = d.pop("tiff", UNSET)
        tiff: CollectionChunkingTiff | Unset
        if isinstance(_tiff, Unset):
            tiff = UNSET
        else:
            tiff = CollectionChunkingTiff.from_dict(_tiff)

        collection_chunking = cls(
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

        return collection_chunking
