"""DetectICD10CM: ICD-10-CM codes from clinical text (plain Python, no Django).

    from clinical.icd10cm import detect
    detect("T2DM with diabetic CKD; denies chest pain")  # {"entities": [...], "codes": [...]}

See ``detector`` (pipeline), ``knowledge`` (what it knows, loaders, cache) and ``context``
(negation / hypothetical / family / history).
"""

from clinical.icd10cm.context import context_traits
from clinical.icd10cm.detector import detect
from clinical.icd10cm.knowledge import Knowledge, knowledge_from_files, load_knowledge

__all__ = ["Knowledge", "context_traits", "detect", "knowledge_from_files", "load_knowledge"]
