"""Temporary validation helper for transcribers: python tools/quickcheck.py FILE KIND (plan|document|campaign|organisations|glossary)."""
import sys
import yaml
sys.path.insert(0, ".")
from macros import model

class L(yaml.SafeLoader):
    pass
L.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"] for k, v in L.yaml_implicit_resolvers.items()}
kinds = {"plan": model.Plan, "document": model.Document, "campaign": model.Campaign,
         "organisations": model.OrganisationsFile, "glossary": model.GlossaryFile, "themes": model.ThemesFile}
path, kind = sys.argv[1], sys.argv[2]
data = yaml.load(open(path, encoding="utf-8"), Loader=L)
kinds[kind].model_validate(data)
print("OK", path)
