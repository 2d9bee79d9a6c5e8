package com.example.voicebackend;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class VoiceBackendApplicationTests {

	@Test
	void contextLoads() {
	}

}
