extension PostgresRuntimeScript {
    /// The aggregates: values gathered per group, reduced with Cypher's rules.
    static let aggregates = #"""
-- Aggregates: the non-null values are gathered, then reduced with Cypher's rules.
CREATE OR REPLACE FUNCTION cy_agg_push(state jsonb, v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL OR v = 'null'::jsonb THEN state ELSE state || jsonb_build_array(v) END
$$;
CREATE OR REPLACE FUNCTION cy_agg_push2(state jsonb, v jsonb, p jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL OR v = 'null'::jsonb THEN jsonb_set(state, '{p}', coalesce(p, 'null'::jsonb))
    ELSE jsonb_set(jsonb_set(state, '{v}', (state -> 'v') || jsonb_build_array(v)), '{p}', coalesce(p, 'null'::jsonb)) END
$$;
CREATE OR REPLACE FUNCTION cy_sum_final(state jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE total jsonb := '0'::jsonb; item jsonb;
BEGIN
  FOR item IN SELECT x FROM jsonb_array_elements(state) x LOOP
    IF cy_t(item) NOT IN ('integer', 'float') THEN
      RETURN cy_type_error('sum() needs numbers, not ' || cy_type_name(item));
    END IF;
    total := cy_add(total, item);
  END LOOP;
  RETURN total;
END $$;
CREATE OR REPLACE FUNCTION cy_avg_final(state jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE total float8 := 0; item jsonb;
BEGIN
  IF jsonb_array_length(state) = 0 THEN RETURN NULL; END IF;
  FOR item IN SELECT x FROM jsonb_array_elements(state) x LOOP
    IF cy_t(item) NOT IN ('integer', 'float') THEN
      RETURN cy_type_error('avg() needs numbers, not ' || cy_type_name(item));
    END IF;
    total := total + cy_f(item);
  END LOOP;
  RETURN cy_fj(total / jsonb_array_length(state));
END $$;
CREATE OR REPLACE FUNCTION cy_min_final(state jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT x FROM jsonb_array_elements(state) x ORDER BY cy_sortkey(x) LIMIT 1
$$;
CREATE OR REPLACE FUNCTION cy_max_final(state jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT x FROM jsonb_array_elements(state) x ORDER BY cy_sortkey(x) DESC LIMIT 1
$$;
CREATE OR REPLACE FUNCTION cy_stdev_of(state jsonb, sample boolean) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE n integer := jsonb_array_length(state); mean float8; total float8 := 0;
BEGIN
  IF n = 0 OR (sample AND n = 1) THEN RETURN '0.0'::jsonb; END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(state) x WHERE cy_t(x) NOT IN ('integer', 'float')) THEN
    RETURN cy_type_error('stDev() needs numbers');
  END IF;
  SELECT avg(cy_f(x)) INTO mean FROM jsonb_array_elements(state) x;
  SELECT sum((cy_f(x) - mean) ^ 2) INTO total FROM jsonb_array_elements(state) x;
  RETURN cy_fj(sqrt(total / (n - CASE WHEN sample THEN 1 ELSE 0 END)));
END $$;
CREATE OR REPLACE FUNCTION cy_stdev_final(state jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_stdev_of(state, true) $$;
CREATE OR REPLACE FUNCTION cy_stdevp_final(state jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_stdev_of(state, false) $$;
CREATE OR REPLACE FUNCTION cy_percentile_of(state jsonb, continuous boolean) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE p float8; values float8[]; n integer; position float8; lower integer; kept jsonb;
BEGIN
  IF cy_t(state -> 'p') NOT IN ('integer', 'float') THEN
    IF jsonb_array_length(state -> 'v') = 0 THEN RETURN NULL; END IF;
    RETURN cy_type_error('the percentile must be a number');
  END IF;
  p := cy_f(state -> 'p');
  IF p < 0 OR p > 1 THEN
    RETURN cy_raise('ArgumentError', 'NumberOutOfRange', 'the percentile must be between 0.0 and 1.0, not ' || p);
  END IF;
  SELECT array_agg(cy_f(x) ORDER BY cy_f(x)) INTO values FROM jsonb_array_elements(state -> 'v') x;
  n := coalesce(array_length(values, 1), 0);
  IF n = 0 THEN RETURN NULL; END IF;
  IF continuous THEN
    position := p * (n - 1);
    lower := floor(position)::integer;
    IF lower + 1 >= n THEN RETURN cy_fj(values[n]); END IF;
    RETURN cy_fj(values[lower + 1] + (position - lower) * (values[lower + 2] - values[lower + 1]));
  END IF;
  lower := greatest(ceil(p * n)::integer, 1);
  SELECT x INTO kept FROM jsonb_array_elements(state -> 'v') x ORDER BY cy_f(x) OFFSET lower - 1 LIMIT 1;
  RETURN kept;
END $$;
CREATE OR REPLACE FUNCTION cy_percentilecont_final(state jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_percentile_of(state, true) $$;
CREATE OR REPLACE FUNCTION cy_percentiledisc_final(state jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT cy_percentile_of(state, false) $$;
DO $$
DECLARE name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['sum', 'avg', 'min', 'max', 'stdev', 'stdevp'] LOOP

    EXECUTE format('CREATE OR REPLACE AGGREGATE cy_%s(jsonb) (SFUNC = cy_agg_push, STYPE = jsonb, INITCOND = %L, FINALFUNC = cy_%s_final)',
                   name, '[]', name);
  END LOOP;
  FOREACH name IN ARRAY ARRAY['percentilecont', 'percentiledisc'] LOOP

    EXECUTE format('CREATE OR REPLACE AGGREGATE cy_%s(jsonb, jsonb) (SFUNC = cy_agg_push2, STYPE = jsonb, INITCOND = %L, FINALFUNC = cy_%s_final)',
                   name, '{"v":[],"p":null}', name);
  END LOOP;
END $$;
"""#
}
