-- The district tree (市 ⊃ 区 ⊃ 街道/镇 ⊃ 社区). Rows come from data/districts.json when the table is empty.
CREATE TABLE district (
    id     VARCHAR(100) PRIMARY KEY,
    name   VARCHAR      NOT NULL,
    level  VARCHAR(10)  NOT NULL,
    parent VARCHAR(100) REFERENCES district (id)
);
