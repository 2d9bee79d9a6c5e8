package io.github.zegoaiagent.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the README's Spring Boot example: the starter, AgentEvents and TokenController. */
@SpringBootApplication
public class ReadmeApplication { }
