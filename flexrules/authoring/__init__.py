"""Tools for policy authors (AUTHORING.md): examples that test a policy (`flexrules test`),
their coverage, and the canonical layout (`flexrules fmt`). This layer sits above `api`: it
loads policies, reads roster files and decides, as a user of the library would."""
