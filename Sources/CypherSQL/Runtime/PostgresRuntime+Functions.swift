extension PostgresRuntimeScript {
    /// The scalar functions, dispatched by name from `cy_fn`.
    static let functions = #"""
-- Scalar functions by name: cy_fn('toupper', x).
CREATE OR REPLACE FUNCTION cy_tostring(v jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  CASE cy_t(v)
    WHEN 'null' THEN RETURN NULL;
    WHEN 'string' THEN RETURN v;
    WHEN 'integer', 'boolean' THEN RETURN to_jsonb(v::text);
    WHEN 'float' THEN RETURN to_jsonb(cy_plain(v));
    ELSE RETURN cy_raise('TypeError', 'InvalidArgumentValue', 'toString() cannot convert a ' || cy_type_name(v));
  END CASE;
END $$;
CREATE OR REPLACE FUNCTION cy_tointeger(v jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE t text;
BEGIN
  CASE cy_t(v)
    WHEN 'null' THEN RETURN NULL;
    WHEN 'integer' THEN RETURN v;
    WHEN 'float' THEN
      IF jsonb_typeof(v) <> 'number' THEN RETURN NULL; END IF;
      RETURN to_jsonb(trunc((v::text)::numeric)::bigint);
    WHEN 'boolean' THEN RETURN CASE WHEN v = 'true'::jsonb THEN '1'::jsonb ELSE '0'::jsonb END;
    WHEN 'string' THEN
      t := btrim(cy_s(v));
      IF t ~ '^[-+]?[0-9]+$' THEN RETURN to_jsonb(t::bigint); END IF;
      IF t ~ '^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$' THEN RETURN to_jsonb(trunc(t::numeric)::bigint); END IF;
      RETURN NULL;
    ELSE RETURN cy_raise('TypeError', 'InvalidArgumentValue', 'toInteger() cannot convert a ' || cy_type_name(v));
  END CASE;
EXCEPTION WHEN numeric_value_out_of_range THEN RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION cy_tofloat(v jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE t text;
BEGIN
  CASE cy_t(v)
    WHEN 'null' THEN RETURN NULL;
    WHEN 'float' THEN RETURN v;
    WHEN 'integer' THEN RETURN cy_fj((v::text)::float8);
    WHEN 'string' THEN
      t := btrim(cy_s(v));
      IF t ~ '^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$' THEN RETURN cy_fj(t::float8); END IF;
      RETURN NULL;
    ELSE RETURN cy_raise('TypeError', 'InvalidArgumentValue', 'toFloat() cannot convert a ' || cy_type_name(v));
  END CASE;
END $$;
CREATE OR REPLACE FUNCTION cy_toboolean(v jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  CASE cy_t(v)
    WHEN 'null' THEN RETURN NULL;
    WHEN 'boolean' THEN RETURN v;
    WHEN 'string' THEN
      RETURN CASE lower(btrim(cy_s(v))) WHEN 'true' THEN 'true'::jsonb WHEN 'false' THEN 'false'::jsonb END;
    WHEN 'integer' THEN RETURN to_jsonb((v::text)::bigint <> 0);
    ELSE RETURN cy_raise('TypeError', 'InvalidArgumentValue', 'toBoolean() cannot convert a ' || cy_type_name(v));
  END CASE;
END $$;
CREATE OR REPLACE FUNCTION cy_number_fn(name text, v jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE x float8;
BEGIN
  IF cy_t(v) = 'null' THEN RETURN NULL; END IF;
  IF cy_t(v) NOT IN ('integer', 'float') THEN RETURN cy_type_error(name || '() needs a number, not ' || cy_type_name(v)); END IF;
  IF cy_t(v) = 'integer' AND name IN ('abs', 'sign') THEN
    RETURN to_jsonb(CASE name WHEN 'abs' THEN abs((v::text)::bigint) ELSE sign((v::text)::bigint) END);
  END IF;
  x := cy_f(v);
  IF x = 'NaN'::float8 AND name NOT IN ('sign') THEN RETURN v; END IF;
  RETURN CASE name
    WHEN 'abs' THEN cy_fj(abs(x)) WHEN 'ceil' THEN cy_fj(ceil(x)) WHEN 'floor' THEN cy_fj(floor(x))
    WHEN 'round' THEN cy_fj(CASE WHEN x < 0 THEN -floor(-x + 0.5) ELSE floor(x + 0.5) END)
    WHEN 'sign' THEN to_jsonb(sign(x)::bigint)
    WHEN 'sqrt' THEN cy_fj(CASE WHEN x < 0 THEN 'NaN'::float8 ELSE sqrt(x) END)
    WHEN 'exp' THEN cy_fj(exp(x))
    WHEN 'log' THEN cy_fj(CASE WHEN x < 0 THEN 'NaN'::float8 WHEN x = 0 THEN '-Infinity'::float8 ELSE ln(x) END)
    WHEN 'log10' THEN cy_fj(CASE WHEN x < 0 THEN 'NaN'::float8 WHEN x = 0 THEN '-Infinity'::float8 ELSE log(x) END)
    WHEN 'sin' THEN cy_fj(sin(x)) WHEN 'cos' THEN cy_fj(cos(x)) WHEN 'tan' THEN cy_fj(tan(x))
    WHEN 'asin' THEN cy_fj(CASE WHEN abs(x) > 1 THEN 'NaN'::float8 ELSE asin(x) END)
    WHEN 'acos' THEN cy_fj(CASE WHEN abs(x) > 1 THEN 'NaN'::float8 ELSE acos(x) END)
    WHEN 'atan' THEN cy_fj(atan(x)) WHEN 'degrees' THEN cy_fj(degrees(x)) WHEN 'radians' THEN cy_fj(radians(x))
    END;
END $$;
CREATE OR REPLACE FUNCTION cy_string_fn(name text, args jsonb[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE s text; n integer := array_length(args, 1);
BEGIN
  IF EXISTS (SELECT 1 FROM unnest(args) a WHERE cy_t(a) = 'null') THEN RETURN NULL; END IF;
  IF cy_t(args[1]) <> 'string' THEN RETURN cy_type_error(name || '() needs a STRING, not ' || cy_type_name(args[1])); END IF;
  s := cy_s(args[1]);
  CASE name
    WHEN 'toupper' THEN RETURN to_jsonb(upper(s));
    WHEN 'tolower' THEN RETURN to_jsonb(lower(s));
    WHEN 'trim' THEN RETURN to_jsonb(btrim(s));
    WHEN 'ltrim' THEN RETURN to_jsonb(ltrim(s));
    WHEN 'rtrim' THEN RETURN to_jsonb(rtrim(s));
    WHEN 'reverse' THEN RETURN to_jsonb(reverse(s));
    WHEN 'left', 'right' THEN
      IF cy_t(args[2]) <> 'integer' THEN RETURN cy_type_error(name || '() needs an INTEGER length'); END IF;
      IF (args[2]::text)::bigint < 0 THEN RETURN cy_raise('ArgumentError', 'NumberOutOfRange', name || '() needs a length >= 0'); END IF;
      RETURN to_jsonb(CASE name WHEN 'left' THEN left(s, (args[2]::text)::integer) ELSE right(s, (args[2]::text)::integer) END);
    WHEN 'substring' THEN
      IF cy_t(args[2]) <> 'integer' OR (n = 3 AND cy_t(args[3]) <> 'integer') THEN
        RETURN cy_type_error('substring() needs INTEGER bounds');
      END IF;
      IF (args[2]::text)::bigint < 0 OR (n = 3 AND (args[3]::text)::bigint < 0) THEN
        RETURN cy_raise('ArgumentError', 'NumberOutOfRange', 'substring() needs bounds >= 0');
      END IF;
      IF n = 3 THEN RETURN to_jsonb(substr(s, (args[2]::text)::integer + 1, (args[3]::text)::integer)); END IF;
      RETURN to_jsonb(substr(s, (args[2]::text)::integer + 1));
    WHEN 'replace' THEN RETURN to_jsonb(replace(s, cy_s(args[2]), cy_s(args[3])));
    WHEN 'split' THEN
      IF cy_s(args[2]) = '' THEN
        RETURN coalesce((SELECT jsonb_agg(c ORDER BY o) FROM regexp_split_to_table(s, '') WITH ORDINALITY AS x(c, o)), '[]');
      END IF;
      RETURN (SELECT jsonb_agg(c ORDER BY o) FROM unnest(string_to_array(s, cy_s(args[2]))) WITH ORDINALITY AS x(c, o));
    ELSE RETURN NULL;
  END CASE;
END $$;
CREATE OR REPLACE FUNCTION cy_list_fn(name text, v jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF cy_t(v) = 'null' THEN RETURN NULL; END IF;
  IF name = 'size' AND cy_t(v) = 'string' THEN RETURN to_jsonb(char_length(cy_s(v))); END IF;
  IF name = 'reverse' AND cy_t(v) = 'string' THEN RETURN to_jsonb(reverse(cy_s(v))); END IF;
  IF cy_t(v) <> 'list' THEN RETURN cy_type_error(name || '() needs a LIST, not ' || cy_type_name(v)); END IF;
  RETURN CASE name
    WHEN 'size' THEN to_jsonb(jsonb_array_length(v))
    WHEN 'head' THEN nullif(v -> 0, 'null'::jsonb)
    WHEN 'last' THEN nullif(v -> -1, 'null'::jsonb)
    WHEN 'tail' THEN cy_slice_from(v, '1'::jsonb)
    WHEN 'reverse' THEN coalesce((SELECT jsonb_agg(x ORDER BY o DESC) FROM jsonb_array_elements(v) WITH ORDINALITY e(x, o)), '[]')
    END;
END $$;
CREATE OR REPLACE FUNCTION cy_path_fn(name text, v jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF cy_t(v) = 'null' THEN RETURN NULL; END IF;
  IF name = 'length' AND cy_t(v) = 'string' THEN RETURN to_jsonb(char_length(cy_s(v))); END IF;
  IF cy_t(v) <> 'path' THEN RETURN cy_type_error(name || '() needs a PATH, not ' || cy_type_name(v)); END IF;
  RETURN CASE name
    WHEN 'length' THEN to_jsonb(jsonb_array_length(v -> '~p') / 2)
    WHEN 'nodes' THEN (SELECT jsonb_agg(jsonb_build_object('~n', x) ORDER BY o) FROM jsonb_array_elements(v -> '~p')
                       WITH ORDINALITY e(x, o) WHERE o % 2 = 1)
    ELSE coalesce((SELECT jsonb_agg(jsonb_build_object('~r', x) ORDER BY o) FROM jsonb_array_elements(v -> '~p')
                   WITH ORDINALITY e(x, o) WHERE o % 2 = 0), '[]')
    END;
END $$;
CREATE OR REPLACE FUNCTION cy_range(args jsonb[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE a bigint; b bigint; step bigint := 1;
BEGIN
  IF EXISTS (SELECT 1 FROM unnest(args) x WHERE cy_t(x) <> 'integer') THEN
    RETURN cy_raise('ArgumentError', 'InvalidArgumentType', 'range() expects INTEGER arguments');
  END IF;
  a := (args[1]::text)::bigint; b := (args[2]::text)::bigint;
  IF array_length(args, 1) = 3 THEN step := (args[3]::text)::bigint; END IF;
  IF step = 0 THEN RETURN cy_raise('ArgumentError', 'NumberOutOfRange', 'range() needs a step other than 0'); END IF;
  RETURN coalesce((SELECT jsonb_agg(x ORDER BY x * sign(step)) FROM generate_series(a, b, step) x), '[]');
END $$;
CREATE OR REPLACE FUNCTION cy_fn(name text, VARIADIC args jsonb[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE v jsonb := args[1];
BEGIN
  CASE lower(name)
    WHEN 'tostring' THEN RETURN cy_tostring(v);
    WHEN 'tointeger' THEN RETURN cy_tointeger(v);
    WHEN 'tofloat' THEN RETURN cy_tofloat(v);
    WHEN 'toboolean' THEN RETURN cy_toboolean(v);
    WHEN 'tostringornull' THEN RETURN CASE WHEN cy_t(v) IN ('string', 'integer', 'float', 'boolean') THEN cy_tostring(v) END;
    WHEN 'tointegerornull' THEN RETURN CASE WHEN cy_t(v) IN ('string', 'integer', 'float', 'boolean') THEN cy_tointeger(v) END;
    WHEN 'tofloatornull' THEN RETURN CASE WHEN cy_t(v) IN ('string', 'integer', 'float') THEN cy_tofloat(v) END;
    WHEN 'tobooleanornull' THEN RETURN CASE WHEN cy_t(v) IN ('string', 'integer', 'boolean') THEN cy_toboolean(v) END;
    WHEN 'abs', 'ceil', 'floor', 'round', 'sign', 'sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos',
         'atan', 'degrees', 'radians' THEN RETURN cy_number_fn(lower(name), v);
    WHEN 'toupper', 'tolower', 'trim', 'ltrim', 'rtrim', 'left', 'right', 'substring', 'replace', 'split' THEN
      RETURN cy_string_fn(lower(name), args);
    WHEN 'size', 'head', 'last', 'tail', 'reverse' THEN RETURN cy_list_fn(lower(name), v);
    WHEN 'length', 'nodes', 'relationships' THEN RETURN cy_path_fn(lower(name), v);
    WHEN 'range' THEN RETURN cy_range(args);
    WHEN 'keys' THEN
      IF cy_t(v) = 'null' THEN RETURN NULL; END IF;
      IF cy_t(v) <> 'map' THEN RETURN cy_type_error('keys() needs a MAP, NODE or RELATIONSHIP, not ' || cy_type_name(v)); END IF;
      RETURN coalesce((SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(v) k), '[]');
    WHEN 'properties' THEN
      IF cy_t(v) IN ('null', 'map') THEN RETURN v; END IF;
      RETURN cy_type_error('properties() needs a MAP, NODE or RELATIONSHIP, not ' || cy_type_name(v));
    WHEN 'id' THEN
      IF cy_t(v) = 'null' THEN RETURN NULL; END IF;
      RETURN cy_type_error('id() needs a NODE or RELATIONSHIP, not ' || cy_type_name(v));
    ELSE RETURN cy_raise('SemanticError', 'NotSupportedOnSQLBackends', 'not supported on SQL backends: ' || name || '()');
  END CASE;
END $$;
"""#
}
