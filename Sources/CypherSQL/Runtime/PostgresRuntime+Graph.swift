extension PostgresRuntimeScript {
    /// Paths, trails, property maps as stored, entity ids for DELETE, and sort keys.
    static let graph = #"""
-- Graph values and property maps.
CREATE OR REPLACE FUNCTION cy_each(l jsonb) RETURNS TABLE (key bigint, value jsonb) LANGUAGE sql IMMUTABLE AS $$
  SELECT o - 1, nullif(x, 'null'::jsonb) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(l) = 'array' THEN l END)
    WITH ORDINALITY AS e(x, o)
$$;
CREATE OR REPLACE FUNCTION cy_path_start(id bigint) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN id IS NULL THEN NULL ELSE jsonb_build_object('~p', jsonb_build_array(id)) END
$$;
CREATE OR REPLACE FUNCTION cy_path_hop(p jsonb, rel bigint, node bigint) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(p) = 'path' AND rel IS NOT NULL AND node IS NOT NULL
    THEN jsonb_build_object('~p', (p -> '~p') || jsonb_build_array(rel, node)) END
$$;
CREATE OR REPLACE FUNCTION cy_path_extend(p jsonb, rels bigint[], nodes bigint[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(p) = 'path' THEN jsonb_build_object('~p', (p -> '~p') || coalesce(
    (SELECT jsonb_agg(x ORDER BY o, k) FROM (
       SELECT r AS x, o, 0 AS k FROM unnest(rels) WITH ORDINALITY AS u(r, o)
       UNION ALL SELECT n, o, 1 FROM unnest(nodes) WITH ORDINALITY AS w(n, o)) parts), '[]'::jsonb)) END
$$;
CREATE OR REPLACE FUNCTION cy_rel_list(trail bigint[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('~r', r) ORDER BY o), '[]'::jsonb) FROM unnest(trail) WITH ORDINALITY AS u(r, o)
$$;
CREATE OR REPLACE FUNCTION cy_disjoint(a bigint[], b bigint[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT NOT (coalesce(a, '{}') && coalesce(b, '{}'))
$$;
CREATE OR REPLACE FUNCTION cy_check_property(v jsonb, key text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF cy_t(v) IN ('map', 'node', 'relationship', 'path') THEN
    PERFORM cy_raise('TypeError', 'InvalidPropertyType', 'property `' || key || '` cannot hold a ' || cy_type_name(v));
  END IF;
  IF cy_t(v) = 'list' AND EXISTS (SELECT 1 FROM jsonb_array_elements(v) x
                                  WHERE cy_t(x) IN ('map', 'node', 'relationship', 'path', 'list', 'null')) THEN
    PERFORM cy_raise('TypeError', 'InvalidPropertyType', 'property `' || key || '` cannot hold a list of those values');
  END IF;
  RETURN v;
END $$;
CREATE OR REPLACE FUNCTION cy_props(v jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE result jsonb := '{}'::jsonb; k text; item jsonb;
BEGIN
  IF cy_t(v) = 'null' THEN RETURN result; END IF;
  IF cy_t(v) <> 'map' THEN RETURN cy_type_error('properties must be a MAP, not ' || cy_type_name(v)); END IF;
  FOR k, item IN SELECT * FROM jsonb_each(v) LOOP
    IF item <> 'null'::jsonb THEN result := result || jsonb_build_object(k, cy_check_property(item, k)); END IF;
  END LOOP;
  RETURN result;
END $$;
CREATE OR REPLACE FUNCTION cy_set_prop(props jsonb, key text, v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(props) <> 'map' THEN props WHEN cy_t(v) = 'null' THEN props - key
    ELSE props || jsonb_build_object(key, cy_check_property(v, key)) END
$$;
CREATE OR REPLACE FUNCTION cy_merge_props(props jsonb, extra jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE result jsonb := props; k text; item jsonb;
BEGIN
  IF cy_t(props) <> 'map' OR cy_t(extra) <> 'map' THEN RETURN props; END IF;
  FOR k, item IN SELECT * FROM jsonb_each(extra) LOOP
    result := cy_set_prop(result, k, item);
  END LOOP;
  RETURN result;
END $$;
CREATE OR REPLACE FUNCTION cy_remove_prop(props jsonb, key text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(props) = 'map' THEN props - key ELSE props END
$$;
CREATE OR REPLACE FUNCTION cy_contains_map(props jsonb, wanted jsonb) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE k text; item jsonb;
BEGIN
  IF cy_t(props) <> 'map' THEN RETURN false; END IF;
  IF cy_t(wanted) = 'null' THEN RETURN NULL; END IF;
  IF cy_t(wanted) <> 'map' THEN
    PERFORM cy_type_error('a pattern''s properties must be a MAP, not ' || cy_type_name(wanted));
  END IF;
  FOR k, item IN SELECT * FROM jsonb_each(wanted) LOOP
    IF cy_eq(props -> k, item) IS NOT TRUE THEN RETURN false; END IF;
  END LOOP;
  RETURN true;
END $$;
CREATE OR REPLACE FUNCTION cy_entity_ids(v jsonb, kind text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  CASE cy_t(v)
    WHEN 'null' THEN RETURN '[]'::jsonb;
    WHEN 'node' THEN RETURN CASE WHEN kind = 'node' THEN jsonb_build_array(v -> '~n') ELSE '[]'::jsonb END;
    WHEN 'relationship' THEN RETURN CASE WHEN kind = 'node' THEN '[]'::jsonb ELSE jsonb_build_array(v -> '~r') END;
    WHEN 'path' THEN
      RETURN coalesce((SELECT jsonb_agg(x ORDER BY o) FROM jsonb_array_elements(v -> '~p') WITH ORDINALITY AS e(x, o)
                       WHERE (o % 2 = 1) = (kind = 'node')), '[]'::jsonb);
    ELSE RETURN cy_raise('TypeError', 'InvalidArgumentType',
                         'DELETE needs a node, relationship or path, not ' || cy_type_name(v));
  END CASE;
END $$;
-- Bytes that sort in openCypher's order (the SQLite runtime's SortKey, byte for byte).
CREATE OR REPLACE FUNCTION cy_sortkey_i(i bigint) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT set_byte(int8send(i), 0, get_byte(int8send(i), 0) # 128)
$$;
CREATE OR REPLACE FUNCTION cy_sortkey_d(d float8) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE b bytea := float8send(CASE WHEN d = 0 THEN 0::float8 ELSE d END);
BEGIN
  IF get_byte(b, 0) >= 128 THEN
    FOR i IN 0 .. 7 LOOP b := set_byte(b, i, 255 - get_byte(b, i)); END LOOP;
  ELSE
    b := set_byte(b, 0, get_byte(b, 0) | 128);
  END IF;
  RETURN b;
END $$;
CREATE OR REPLACE FUNCTION cy_sortkey(v jsonb) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE out bytea; item jsonb; k text;
BEGIN
  CASE cy_t(v)
    WHEN 'map' THEN
      RETURN '\x01'::bytea
        || cy_sortkey((SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x COLLATE "C"), '[]') FROM jsonb_object_keys(v) x))
        || cy_sortkey((SELECT coalesce(jsonb_agg(v -> x ORDER BY x COLLATE "C"), '[]') FROM jsonb_object_keys(v) x));
    WHEN 'node' THEN RETURN '\x02'::bytea || cy_sortkey_i((v->>'~n')::bigint);
    WHEN 'relationship' THEN RETURN '\x03'::bytea || cy_sortkey_i((v->>'~r')::bigint);
    WHEN 'list' THEN
      out := '\x04'::bytea;
      FOR item IN SELECT x FROM jsonb_array_elements(v) WITH ORDINALITY AS e(x, o) ORDER BY o LOOP
        out := out || '\x01'::bytea || cy_sortkey(nullif(item, 'null'::jsonb));
      END LOOP;
      RETURN out || '\x00'::bytea;
    WHEN 'path' THEN
      out := '\x05'::bytea;
      FOR item IN SELECT x FROM jsonb_array_elements(v -> '~p') WITH ORDINALITY AS e(x, o) WHERE o % 2 = 1 ORDER BY o LOOP
        out := out || '\x01'::bytea || cy_sortkey_i((item::text)::bigint);
      END LOOP;
      RETURN out || '\x00'::bytea;
    WHEN 'string' THEN RETURN '\x07'::bytea || convert_to(cy_s(v), 'UTF8') || '\x0000'::bytea;
    WHEN 'boolean' THEN RETURN CASE WHEN v = 'true'::jsonb THEN '\x0801'::bytea ELSE '\x0800'::bytea END;
    WHEN 'integer' THEN
      RETURN '\x0900'::bytea || cy_sortkey_d((v::text)::float8) || '\x01'::bytea || cy_sortkey_i((v::text)::bigint);
    WHEN 'float' THEN
      IF cy_f(v) = 'NaN'::float8 THEN RETURN '\x0901'::bytea; END IF;
      RETURN '\x0900'::bytea || cy_sortkey_d(cy_f(v)) || '\x00'::bytea;
    ELSE RETURN '\x0a'::bytea;
  END CASE;
END $$;
"""#
}
