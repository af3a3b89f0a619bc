"""The one YAML loader natosim reads user-editable files with (scenarios, rules).

A ``SafeLoader`` (no ``!!python/object`` tags) that also refuses what PyYAML silently accepts:

* a key given twice in one mapping (PyYAML keeps the last one, so a typo'd copy of ``notice_date``
  would silently win) — refused with the line of the second occurrence;
* a timestamp that is not a calendar date (``2024-02-30``): PyYAML raises a bare ``ValueError``;
  here it stays the text the user wrote, so the schema that reads the field reports it with its
  field name and line, like any other bad value.
"""

from __future__ import annotations

from typing import Any

import yaml


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping names the same key twice."""


#: libyaml's parser when PyYAML was built with it (5-10x faster, same safe constructor), else Python's
_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_BASE):  # type: ignore[valid-type,misc]
    """SafeLoader refusing duplicate keys and keeping impossible dates as text."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _value in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = key_node.value
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise DuplicateKeyError(
                    None,
                    None,
                    f"key {key!r} appears twice in one mapping (first on line {first}); give it once",
                    key_node.start_mark,
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return str(node.value)


StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


def load_with_nodes(text: str, loader: type[yaml.SafeLoader] = StrictLoader) -> tuple[Any, yaml.Node | None]:
    """The data and the node tree of one YAML document, from one parse."""
    instance = loader(text)
    try:
        node = instance.get_single_node()
        return (instance.construct_document(node) if node is not None else None), node
    finally:
        instance.dispose()
