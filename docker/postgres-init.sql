-- The schema registry keeps its schemas in a database of its own beside Newsflow's.
CREATE DATABASE registry OWNER newsflow;
