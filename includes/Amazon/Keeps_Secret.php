<?php
/**
 * Keeps an object's secret out of its properties.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

/**
 * The secret lives in a private static WeakMap keyed by the instance, not in a property, so that
 * var_dump, print_r, var_export, (array) casts, json_encode, serialize and exception traces of the
 * object never show it. It goes when the object goes.
 */
trait Keeps_Secret {

	/**
	 * Secrets by instance (each class that uses the trait has its own map).
	 *
	 * @var \WeakMap<object, string>|null
	 */
	private static ?\WeakMap $secrets = null;

	/**
	 * The secret. Use it only where it is sent to Amazon (token request, signature).
	 */
	public function secret(): string {
		return self::$secrets[ $this ] ?? '';
	}

	/**
	 * Stores the secret of this instance; called once, from the constructor.
	 *
	 * @param string $secret The secret.
	 */
	private function keep_secret( #[\SensitiveParameter] string $secret ): void {
		self::$secrets        ??= new \WeakMap();
		self::$secrets[ $this ] = $secret;
	}
}
