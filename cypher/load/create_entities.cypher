// First load into an empty store: create entity nodes of one label, no lookup.
// Each row is the node's property map; every entity also carries :Entity (see
// merge_entities).
UNWIND $rows AS props
CREATE (n:Entity:__LABEL__)
SET n = props
