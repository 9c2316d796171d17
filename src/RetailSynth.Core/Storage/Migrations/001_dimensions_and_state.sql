-- Dimensions (data-model §6) and the simulator identity/watermark (§17).
-- No PRIMARY KEY / FOREIGN KEY constraints: each is an index maintained on every appended row;
-- keys are unique by construction and `retailsynth validate` checks them.

CREATE TABLE dim_geographies (
    geography_id BIGINT NOT NULL,
    city VARCHAR NOT NULL,
    state VARCHAR NOT NULL,
    zip_code VARCHAR NOT NULL,
    district VARCHAR NOT NULL,
    region VARCHAR NOT NULL,
    latitude DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    time_zone VARCHAR NOT NULL,
    placement_weight DOUBLE NOT NULL
);

CREATE TABLE dim_distribution_centers (
    dc_id BIGINT NOT NULL,
    dc_number VARCHAR NOT NULL,
    address VARCHAR NOT NULL,
    geography_id BIGINT NOT NULL,
    time_zone VARCHAR NOT NULL,
    latitude DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    road_miles_to_dcs DOUBLE[] NOT NULL
);

CREATE TABLE dim_stores (
    store_id BIGINT NOT NULL,
    store_number VARCHAR NOT NULL,
    address VARCHAR NOT NULL,
    geography_id BIGINT NOT NULL,
    latitude DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    time_zone VARCHAR NOT NULL,
    tax_rate DECIMAL(7,5) NOT NULL,
    geography_class VARCHAR NOT NULL,
    volume_class VARCHAR NOT NULL,
    store_format VARCHAR NOT NULL,
    hours_class VARCHAR NOT NULL,
    operating_hours VARCHAR NOT NULL,
    open_minute SMALLINT NOT NULL,
    close_minute SMALLINT NOT NULL,
    daily_traffic_multiplier DOUBLE NOT NULL,
    nearest_dc_id BIGINT NOT NULL,
    dc_road_miles DOUBLE NOT NULL,
    route_id VARCHAR NOT NULL,
    route_stop_seq SMALLINT NOT NULL,
    route_leg_miles DOUBLE NOT NULL,
    route_stop_miles DOUBLE[] NOT NULL,
    neighbor_store_ids BIGINT[] NOT NULL
);

CREATE TABLE dim_trucks (
    truck_id BIGINT NOT NULL,
    license_plate VARCHAR NOT NULL,
    refrigerated BOOLEAN NOT NULL,
    fleet_type VARCHAR NOT NULL,
    dc_id BIGINT,
    capacity_units INTEGER NOT NULL
);

-- customer_id 0 is the anonymous shopper: every nullable column below is NULL on that row only
-- (and secondary_store_id also for a customer with a single candidate store), data-model §6.5.
CREATE TABLE dim_customers (
    customer_id BIGINT NOT NULL,
    first_name VARCHAR NOT NULL,
    last_name VARCHAR NOT NULL,
    address VARCHAR,
    geography_id BIGINT,
    latitude DOUBLE,
    longitude DOUBLE,
    phone VARCHAR,
    loyalty_card VARCHAR,
    ble_id VARCHAR,
    ad_id VARCHAR,
    shopper_segment VARCHAR,
    mobility_segment VARCHAR,
    ble_opt_in BOOLEAN NOT NULL,
    join_date DATE,
    primary_store_id BIGINT,
    secondary_store_id BIGINT
);

CREATE TABLE dim_products (
    product_id BIGINT NOT NULL,
    product_name VARCHAR NOT NULL,
    brand VARCHAR NOT NULL,
    company VARCHAR NOT NULL,
    department VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    subcategory VARCHAR NOT NULL,
    merch_group VARCHAR NOT NULL,
    cost DECIMAL(18,2) NOT NULL,
    cost_cents BIGINT NOT NULL,
    msrp DECIMAL(18,2) NOT NULL,
    msrp_cents BIGINT NOT NULL,
    sale_price DECIMAL(18,2) NOT NULL,
    sale_price_cents BIGINT NOT NULL,
    requires_refrigeration BOOLEAN NOT NULL,
    taxability VARCHAR NOT NULL,
    launch_date DATE NOT NULL,
    popularity_weight DOUBLE NOT NULL,
    demand_weight DOUBLE NOT NULL,
    case_pack INTEGER NOT NULL,
    season_profile VARCHAR NOT NULL,
    tags VARCHAR
);

CREATE TABLE sim_state (
    dataset_id VARCHAR NOT NULL,
    seed BIGINT NOT NULL,
    config_fingerprint VARCHAR NOT NULL,
    model_version INTEGER NOT NULL,
    profile VARCHAR NOT NULL,
    start_date DATE NOT NULL,
    last_committed_day DATE,
    state_version INTEGER NOT NULL
);
