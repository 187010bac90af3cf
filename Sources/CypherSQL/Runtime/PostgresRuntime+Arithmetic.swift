extension PostgresRuntimeScript {
    /// Arithmetic with Cypher's rules (integer overflow is an error, floats follow IEEE), lists and maps, subscripts and slices.
    static let arithmetic = #"""
CREATE OR REPLACE FUNCTION cy_plain(v jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE cy_t(v) WHEN 'string' THEN cy_s(v) WHEN 'float' THEN
      CASE WHEN jsonb_typeof(v) = 'number' THEN v::text ELSE replace(replace(v->>'~f', 'Inf', 'Infinity'), '-Infinity', '-Infinity') END
    ELSE v::text END
$$;
CREATE OR REPLACE FUNCTION cy_float_op(op text, x float8, y float8) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF x = 'NaN'::float8 OR y = 'NaN'::float8 THEN RETURN cy_fj('NaN'::float8); END IF;
  BEGIN
    CASE op
      WHEN '+' THEN RETURN cy_fj(x + y);
      WHEN '-' THEN RETURN cy_fj(x - y);
      WHEN '*' THEN RETURN cy_fj(x * y);
      WHEN '/' THEN
        IF y = 0 THEN
          RETURN cy_fj(CASE WHEN x = 0 THEN 'NaN'::float8 WHEN x > 0 THEN 'Infinity'::float8 ELSE '-Infinity'::float8 END);
        END IF;
        RETURN cy_fj(x / y);
      WHEN '%' THEN
        IF y = 0 OR x IN ('Infinity'::float8, '-Infinity'::float8) THEN RETURN cy_fj('NaN'::float8); END IF;
        IF y IN ('Infinity'::float8, '-Infinity'::float8) THEN RETURN cy_fj(x); END IF;
        RETURN cy_fj(x - y * trunc(x / y));
      ELSE
        IF x = 0 AND y < 0 THEN RETURN cy_fj('Infinity'::float8); END IF;
        IF x < 0 AND y <> trunc(y) THEN RETURN cy_fj('NaN'::float8); END IF;
        RETURN cy_fj(power(x, y));
    END CASE;
  EXCEPTION WHEN numeric_value_out_of_range THEN
    RETURN cy_fj(CASE WHEN op = '^' OR (op IN ('+', '-') AND x + 0 >= 0) OR (op IN ('*', '/') AND sign(x) = sign(y))
                  THEN 'Infinity'::float8 ELSE '-Infinity'::float8 END);
  END;
END $$;
CREATE OR REPLACE FUNCTION cy_arith(op text, verb text, a jsonb, b jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE ta text := cy_t(a); tb text := cy_t(b); i bigint; j bigint;
BEGIN
  IF op = '+' THEN
    IF ta = 'list' AND tb = 'list' THEN RETURN a || b; END IF;
    IF ta = 'list' THEN RETURN a || jsonb_build_array(coalesce(b, 'null'::jsonb)); END IF;
    IF tb = 'list' THEN RETURN jsonb_build_array(coalesce(a, 'null'::jsonb)) || b; END IF;
  END IF;
  IF ta = 'null' OR tb = 'null' THEN RETURN NULL; END IF;
  IF op = '+' AND (ta = 'string' OR tb = 'string') AND ta IN ('string', 'integer', 'float', 'boolean')
     AND tb IN ('string', 'integer', 'float', 'boolean') THEN
    RETURN to_jsonb(cy_plain(a) || cy_plain(b));
  END IF;
  IF ta NOT IN ('integer', 'float') OR tb NOT IN ('integer', 'float') THEN
    RETURN cy_type_error('cannot ' || verb || ' ' || cy_type_name(a) || ' and ' || cy_type_name(b));
  END IF;
  IF ta = 'integer' AND tb = 'integer' AND op <> '^' THEN
    i := (a::text)::bigint; j := (b::text)::bigint;
    IF op IN ('/', '%') AND j = 0 THEN
      RETURN cy_raise('ArithmeticError', 'DivisionByZero', 'integer ' || CASE op WHEN '/' THEN 'division' ELSE 'modulo' END || ' by zero');
    END IF;
    BEGIN
      RETURN to_jsonb(CASE op WHEN '+' THEN i + j WHEN '-' THEN i - j WHEN '*' THEN i * j WHEN '/' THEN i / j ELSE i % j END);
    EXCEPTION WHEN numeric_value_out_of_range THEN
      RETURN cy_raise('ArithmeticError', 'IntegerOverflow', 'integer overflow in ' || i || ' ' || op || ' ' || j);
    END;
  END IF;
  RETURN cy_float_op(op, cy_f(a), cy_f(b));
END $$;
CREATE OR REPLACE FUNCTION cy_add(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_arith('+', 'add', a, b) $$;
CREATE OR REPLACE FUNCTION cy_sub(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_arith('-', 'subtract', a, b) $$;
CREATE OR REPLACE FUNCTION cy_mul(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_arith('*', 'multiply', a, b) $$;
CREATE OR REPLACE FUNCTION cy_div(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_arith('/', 'divide', a, b) $$;
CREATE OR REPLACE FUNCTION cy_mod(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_arith('%', 'take the modulo of', a, b) $$;
CREATE OR REPLACE FUNCTION cy_pow(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_arith('^', 'raise', a, b) $$;
CREATE OR REPLACE FUNCTION cy_neg(a jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  CASE cy_t(a)
    WHEN 'null' THEN RETURN NULL;
    WHEN 'integer' THEN
      IF (a::text)::bigint = -9223372036854775808 THEN
        RETURN cy_raise('ArithmeticError', 'IntegerOverflow', 'integer overflow in -(' || a::text || ')');
      END IF;
      RETURN to_jsonb(-(a::text)::bigint);
    WHEN 'float' THEN RETURN cy_fj(-cy_f(a));
    ELSE RETURN cy_type_error('cannot negate ' || cy_type_name(a));
  END CASE;
END $$;
CREATE OR REPLACE FUNCTION cy_pos(a jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF cy_t(a) IN ('null', 'integer', 'float') THEN RETURN a; END IF;
  RETURN cy_type_error('unary plus needs a number, not ' || cy_type_name(a));
END $$;
-- Lists and maps.
CREATE OR REPLACE FUNCTION cy_list(VARIADIC items jsonb[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_agg(coalesce(x, 'null'::jsonb) ORDER BY n), '[]'::jsonb) FROM unnest(items) WITH ORDINALITY AS u(x, n)
$$;
CREATE OR REPLACE FUNCTION cy_map(VARIADIC pairs jsonb[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE result jsonb := '{}'::jsonb; i integer := 1;
BEGIN
  WHILE i + 1 <= coalesce(array_length(pairs, 1), 0) LOOP
    EXIT WHEN cy_t(pairs[i]) <> 'string';
    result := result || jsonb_build_object(cy_s(pairs[i]), coalesce(pairs[i + 1], 'null'::jsonb));
    i := i + 2;
  END LOOP;
  RETURN result;
END $$;
CREATE OR REPLACE FUNCTION cy_map_merge(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(a) = 'map' AND cy_t(b) = 'map' THEN a || b END
$$;
CREATE OR REPLACE FUNCTION cy_as_map(v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(v) IN ('null', 'map') THEN v ELSE cy_type_error('expected a MAP, not ' || cy_type_name(v)) END
$$;
CREATE OR REPLACE FUNCTION cy_as_list(v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE cy_t(v) WHEN 'null' THEN '[]'::jsonb WHEN 'list' THEN v ELSE jsonb_build_array(v) END
$$;
CREATE OR REPLACE FUNCTION cy_list_or_null(v jsonb, what text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cy_t(v) IN ('null', 'list') THEN v ELSE cy_type_error(what || ' needs a LIST, not ' || cy_type_name(v)) END
$$;
CREATE OR REPLACE FUNCTION cy_prop(v jsonb, key text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE cy_t(v) WHEN 'null' THEN NULL WHEN 'map' THEN nullif(v -> key, 'null'::jsonb)
    ELSE cy_type_error('cannot read property `' || key || '` of ' || cy_type_name(v)) END
$$;
CREATE OR REPLACE FUNCTION cy_index(v jsonb, k jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE i bigint; n integer;
BEGIN
  IF cy_t(v) = 'null' OR cy_t(k) = 'null' THEN RETURN NULL; END IF;
  IF cy_t(v) = 'list' THEN
    IF cy_t(k) <> 'integer' THEN RETURN cy_type_error('a list index must be an INTEGER, not ' || cy_type_name(k)); END IF;
    i := (k::text)::bigint; n := jsonb_array_length(v);
    IF i < 0 THEN i := i + n; END IF;
    IF i < 0 OR i >= n THEN RETURN NULL; END IF;
    RETURN nullif(v -> i::integer, 'null'::jsonb);
  END IF;
  IF cy_t(v) = 'map' THEN
    IF cy_t(k) <> 'string' THEN
      RETURN cy_raise('TypeError', 'MapElementAccessByNonString', 'a map key must be a STRING, not ' || cy_type_name(k));
    END IF;
    RETURN nullif(v -> cy_s(k), 'null'::jsonb);
  END IF;
  RETURN cy_type_error('cannot subscript ' || cy_type_name(v));
END $$;
CREATE OR REPLACE FUNCTION cy_slice(v jsonb, lo jsonb, hi jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE n integer; a bigint; b bigint;
BEGIN
  IF cy_t(v) = 'null' OR cy_t(lo) = 'null' OR cy_t(hi) = 'null' THEN RETURN NULL; END IF;
  IF cy_t(v) <> 'list' THEN RETURN cy_type_error('cannot slice ' || cy_type_name(v)); END IF;
  IF cy_t(lo) <> 'integer' OR cy_t(hi) <> 'integer' THEN RETURN cy_type_error('slice bounds must be INTEGERs'); END IF;
  n := jsonb_array_length(v); a := (lo::text)::bigint; b := (hi::text)::bigint;
  IF a < 0 THEN a := greatest(a + n, 0); END IF;
  IF b < 0 THEN b := greatest(b + n, 0); END IF;
  a := least(a, n); b := least(b, n);
  RETURN coalesce((SELECT jsonb_agg(x ORDER BY o) FROM jsonb_array_elements(v) WITH ORDINALITY AS e(x, o)
                   WHERE o - 1 >= a AND o - 1 < b), '[]'::jsonb);
END $$;
CREATE OR REPLACE FUNCTION cy_slice_from(v jsonb, lo jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT cy_slice(v, lo, CASE WHEN cy_t(v) = 'list' THEN to_jsonb(jsonb_array_length(v)) ELSE '0'::jsonb END)
$$;
CREATE OR REPLACE FUNCTION cy_slice_to(v jsonb, hi jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT cy_slice(v, '0'::jsonb, hi)
$$;
CREATE OR REPLACE FUNCTION cy_count_arg(v jsonb, what text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF cy_t(v) <> 'integer' THEN
    PERFORM cy_raise('SyntaxError', 'InvalidArgumentType', what || ' must be an INTEGER, not ' || cy_type_name(v));
  END IF;
  IF (v::text)::bigint < 0 THEN PERFORM cy_raise('SyntaxError', 'NegativeIntegerArgument', what || ' must not be negative'); END IF;
  RETURN (v::text)::bigint;
END $$;
CREATE OR REPLACE FUNCTION cy_rand() RETURNS jsonb LANGUAGE sql VOLATILE AS $$ SELECT cy_fj(random()) $$;
"""#
}
