// --replace: delete relationships of one type by key. The type lets both engines
// find each one through that type's unique key index instead of a scan.
UNWIND $keys AS key
MATCH ()-[r:__TYPE__ {key: key}]->()
DELETE r
