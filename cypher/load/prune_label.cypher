// --replace: remove nodes whose label changed, so they are re-created with the new one.
MATCH (n:__LABEL__)
WHERE NOT n.id IN $ids
DETACH DELETE n
