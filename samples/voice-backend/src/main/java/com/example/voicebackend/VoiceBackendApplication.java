package com.example.voicebackend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VoiceBackendApplication {

	public static void main(String[] args) {
		SpringApplication.run(VoiceBackendApplication.class, args);
	}

}
