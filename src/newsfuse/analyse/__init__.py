"""Analysis components: sentences, entities, numbers, dates over one Article."""
