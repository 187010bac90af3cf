extension PostgresRuntimeScript {
    /// Cypher's values in `jsonb`: kinds, floats, entity references, truth, equality and order.
    static let values = #"""
CREATE OR REPLACE FUNCTION cy_raise(category text, code text, message text) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'cypher-error' || chr(1) || category || chr(1) || code || chr(1) || 'runtime' || chr(1) || message;
END $$;
CREATE OR REPLACE FUNCTION cy_type_error(message text) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
  SELECT cy_raise('TypeError', 'InvalidArgumentType', message)
$$;
CREATE OR REPLACE FUNCTION cy_t(v jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE jsonb_typeof(v)
    WHEN 'boolean' THEN 'boolean' WHEN 'string' THEN 'string' WHEN 'array' THEN 'list'
    WHEN 'number' THEN CASE WHEN v::text ~ '[.eE]' THEN 'float' ELSE 'integer' END
    WHEN 'object' THEN CASE WHEN v ? '~n' THEN 'node' WHEN v ? '~r' THEN 'relationship' WHEN v ? '~p' THEN 'path'
                            WHEN v ? '~f' THEN 'float' ELSE 'map' END
    ELSE 'null' END
$$;
CREATE OR REPLACE FUNCTION cy_kind(v jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(v) = 'null' THEN NULL ELSE cy_t(v) END
$$;
CREATE OR REPLACE FUNCTION cy_type_name(v jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE cy_t(v) WHEN 'integer' THEN 'INTEGER' WHEN 'float' THEN 'FLOAT' WHEN 'string' THEN 'STRING'
    WHEN 'boolean' THEN 'BOOLEAN' WHEN 'list' THEN 'LIST' WHEN 'map' THEN 'MAP' WHEN 'node' THEN 'NODE'
    WHEN 'relationship' THEN 'RELATIONSHIP' WHEN 'path' THEN 'PATH' ELSE 'NULL' END
$$;
CREATE OR REPLACE FUNCTION cy_f(v jsonb) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(v) = 'number' THEN (v::text)::float8
    ELSE CASE v->>'~f' WHEN 'NaN' THEN 'NaN'::float8 WHEN 'Inf' THEN 'Infinity'::float8
                       WHEN '-Inf' THEN '-Infinity'::float8 END END
$$;
CREATE OR REPLACE FUNCTION cy_fj(d float8) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE t text;
BEGIN
  IF d IS NULL THEN RETURN NULL; END IF;
  IF d = 'NaN'::float8 THEN RETURN '{"~f":"NaN"}'; END IF;
  IF d = 'Infinity'::float8 THEN RETURN '{"~f":"Inf"}'; END IF;
  IF d = '-Infinity'::float8 THEN RETURN '{"~f":"-Inf"}'; END IF;
  t := d::text;
  IF t ~ '[eE]' THEN t := (t::numeric)::text; END IF;
  IF position('.' in t) = 0 THEN t := t || '.0'; END IF;
  RETURN t::jsonb;
END $$;
CREATE OR REPLACE FUNCTION cy_s(v jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT v #>> '{}' $$;
CREATE OR REPLACE FUNCTION cy_node(id bigint) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN id IS NULL THEN NULL ELSE jsonb_build_object('~n', id) END
$$;
CREATE OR REPLACE FUNCTION cy_rel(id bigint) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN id IS NULL THEN NULL ELSE jsonb_build_object('~r', id) END
$$;
CREATE OR REPLACE FUNCTION cy_node_id(v jsonb) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF cy_t(v) = 'null' THEN RETURN NULL; END IF;
  IF cy_t(v) <> 'node' THEN PERFORM cy_type_error('expected a NODE, not ' || cy_type_name(v)); END IF;
  RETURN (v->>'~n')::bigint;
END $$;
CREATE OR REPLACE FUNCTION cy_rel_id(v jsonb) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF cy_t(v) = 'null' THEN RETURN NULL; END IF;
  IF cy_t(v) <> 'relationship' THEN PERFORM cy_type_error('expected a RELATIONSHIP, not ' || cy_type_name(v)); END IF;
  RETURN (v->>'~r')::bigint;
END $$;
CREATE OR REPLACE FUNCTION cy_bool(b boolean) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT to_jsonb(b) $$;
CREATE OR REPLACE FUNCTION cy_truth(v jsonb, operator text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF cy_t(v) = 'null' THEN RETURN NULL; END IF;
  IF cy_t(v) <> 'boolean' THEN
    PERFORM cy_type_error(operator || ' needs BOOLEAN operands, not ' || cy_type_name(v));
  END IF;
  RETURN v = 'true'::jsonb;
END $$;
CREATE OR REPLACE FUNCTION cy_is_true(v jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(v = 'true'::jsonb, false)
$$;
-- Cypher equality: null when either side is (or holds, where it decides) null.
CREATE OR REPLACE FUNCTION cy_eq(a jsonb, b jsonb) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE ta text := cy_t(a); tb text := cy_t(b); result boolean := true; item boolean; k text;
BEGIN
  IF ta = 'null' OR tb = 'null' THEN RETURN NULL; END IF;
  IF ta IN ('integer', 'float') AND tb IN ('integer', 'float') THEN
    IF ta = 'integer' AND tb = 'integer' THEN RETURN a = b; END IF;
    IF jsonb_typeof(a) = 'number' AND jsonb_typeof(b) = 'number' THEN RETURN (a::text)::numeric = (b::text)::numeric; END IF;
    IF cy_f(a) = 'NaN'::float8 OR cy_f(b) = 'NaN'::float8 THEN RETURN false; END IF;
    RETURN cy_f(a) = cy_f(b);
  END IF;
  IF ta <> tb THEN RETURN false; END IF;
  IF ta = 'list' THEN
    IF jsonb_array_length(a) <> jsonb_array_length(b) THEN RETURN false; END IF;
    FOR i IN 0 .. jsonb_array_length(a) - 1 LOOP
      item := cy_eq(a -> i, b -> i);
      IF item = false THEN RETURN false; END IF;
      IF item IS NULL THEN result := NULL; END IF;
    END LOOP;
    RETURN result;
  END IF;
  IF ta = 'map' THEN
    IF (SELECT array_agg(x ORDER BY x) FROM jsonb_object_keys(a) x) IS DISTINCT FROM
       (SELECT array_agg(x ORDER BY x) FROM jsonb_object_keys(b) x) THEN RETURN false; END IF;
    FOR k IN SELECT jsonb_object_keys(a) LOOP
      item := cy_eq(a -> k, b -> k);
      IF item = false THEN RETURN false; END IF;
      IF item IS NULL THEN result := NULL; END IF;
    END LOOP;
    RETURN result;
  END IF;
  RETURN a = b;
END $$;
CREATE OR REPLACE FUNCTION cy_neq(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT NOT cy_eq(a, b) $$;
-- Ordering comparison: -1, 0, 1, or null when the values are not comparable (or NaN is involved: -2).
CREATE OR REPLACE FUNCTION cy_cmp(a jsonb, b jsonb) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE ta text := cy_t(a); tb text := cy_t(b); x float8; y float8; item integer; n integer;
BEGIN
  IF ta = 'null' OR tb = 'null' THEN RETURN NULL; END IF;
  IF ta IN ('integer', 'float') AND tb IN ('integer', 'float') THEN
    IF jsonb_typeof(a) = 'number' AND jsonb_typeof(b) = 'number' THEN
      RETURN sign((a::text)::numeric - (b::text)::numeric)::integer;
    END IF;
    x := cy_f(a); y := cy_f(b);
    IF x = 'NaN'::float8 OR y = 'NaN'::float8 THEN RETURN -2; END IF;
    RETURN CASE WHEN x < y THEN -1 WHEN x > y THEN 1 ELSE 0 END;
  END IF;
  IF ta <> tb THEN RETURN NULL; END IF;
  IF ta = 'string' THEN
    RETURN CASE WHEN cy_s(a) COLLATE "C" < cy_s(b) COLLATE "C" THEN -1 WHEN cy_s(a) = cy_s(b) THEN 0 ELSE 1 END;
  END IF;
  IF ta = 'boolean' THEN RETURN CASE WHEN a = b THEN 0 WHEN a = 'false'::jsonb THEN -1 ELSE 1 END; END IF;
  IF ta = 'list' THEN
    n := least(jsonb_array_length(a), jsonb_array_length(b));
    FOR i IN 0 .. n - 1 LOOP
      item := cy_cmp(a -> i, b -> i);
      IF item IS NULL OR item <> 0 THEN RETURN item; END IF;
    END LOOP;
    RETURN sign(jsonb_array_length(a) - jsonb_array_length(b))::integer;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION cy_lt(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT CASE cy_cmp(a, b) WHEN -2 THEN false ELSE cy_cmp(a, b) < 0 END $$;
CREATE OR REPLACE FUNCTION cy_le(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT CASE cy_cmp(a, b) WHEN -2 THEN false ELSE cy_cmp(a, b) <= 0 END $$;
CREATE OR REPLACE FUNCTION cy_gt(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT CASE cy_cmp(a, b) WHEN -2 THEN false ELSE cy_cmp(a, b) > 0 END $$;
CREATE OR REPLACE FUNCTION cy_ge(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT CASE cy_cmp(a, b) WHEN -2 THEN false ELSE cy_cmp(a, b) >= 0 END $$;
CREATE OR REPLACE FUNCTION cy_starts(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(a) = 'string' AND cy_t(b) = 'string' THEN left(cy_s(a), length(cy_s(b))) = cy_s(b) END
$$;
CREATE OR REPLACE FUNCTION cy_ends(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(a) = 'string' AND cy_t(b) = 'string' THEN
    length(cy_s(b)) = 0 OR right(cy_s(a), length(cy_s(b))) = cy_s(b) AND length(cy_s(a)) >= length(cy_s(b)) END
$$;
CREATE OR REPLACE FUNCTION cy_contains(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(a) = 'string' AND cy_t(b) = 'string' THEN strpos(cy_s(a), cy_s(b)) > 0 END
$$;
CREATE OR REPLACE FUNCTION cy_regex(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(a) = 'string' AND cy_t(b) = 'string' THEN cy_s(a) ~ ('^(?:' || cy_s(b) || ')$') END
$$;
CREATE OR REPLACE FUNCTION cy_in(a jsonb, list jsonb) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE result boolean := false; item boolean;
BEGIN
  IF cy_t(list) = 'null' THEN RETURN NULL; END IF;
  IF cy_t(list) <> 'list' THEN PERFORM cy_type_error('IN needs a LIST, not ' || cy_type_name(list)); END IF;
  FOR i IN 0 .. jsonb_array_length(list) - 1 LOOP
    item := cy_eq(a, list -> i);
    IF item THEN RETURN true; END IF;
    IF item IS NULL THEN result := NULL; END IF;
  END LOOP;
  RETURN result;
END $$;
"""#
}
