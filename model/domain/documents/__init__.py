"""Document builders: each takes records (a Case) and returns a model.domain.document
Document, which reports/ renders to PDF and gui/ previews."""
