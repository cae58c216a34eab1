package io.dutykit.examples.desk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot host of DutyKit's duty desk: the starter provides the {@code DutyDesk}, the store on
 * the application's DataSource, the {@code dutykit} health component and the due events; this
 * application only adds its REST endpoints ({@link DeskController}) and what it does with due alerts
 * ({@link DueAlerts}). It defines no DutyKit bean of its own.
 *
 * <p>Run it: {@code java -jar examples/spring-boot-desk/target/spring-boot-desk.jar} (an H2 database
 * under {@code ./data}), or with {@code --spring.datasource.url=jdbc:postgresql://host/db}.
 */
@SpringBootApplication
public class DeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeskApplication.class, args);
    }
}
