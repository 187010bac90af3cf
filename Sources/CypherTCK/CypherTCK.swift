// The openCypher TCK runner: Gherkin features, TCK value syntax, strict result comparison.
