from visits.admin import inperson, video  # noqa: F401  (each registers its models)
