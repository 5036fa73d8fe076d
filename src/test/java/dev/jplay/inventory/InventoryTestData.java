package dev.jplay.inventory;

/** The INI inventory the inventory and vars tests share (the ansible outputs they expect were recorded on it). */
public final class InventoryTestData {
    public static final String HOSTS = """
            lb ansible_host=10.0.0.1

            [web]
            web[01:03] http_port=8080
            db1

            [db]
            db[1:2]

            [prod:children]
            web
            db

            [prod:vars]
            env=prod
            http_port=80

            [web:vars]
            tier=front

            [db:vars]
            tier=back
            """;

    private InventoryTestData() {}
}
